/// Templates by name, so that partials (`{{>name}}`) and parents (`{{<name}}`) find each
/// other; a page renders a value with one of them.
///
/// Dossier has its own Mustache renderer rather than hummingbird-project/swift-mustache,
/// which it used until profiling showed templates at a quarter of a cold build's CPU. That
/// library reads every value through casts to its protocols (`MustacheParent`,
/// `MustacheCustomRenderable`, `MustacheSequence`, …), about ten per tag, and the runtime's
/// conformance lookups made a tag cost about 1.8 µs; no shape of context avoids them. Here
/// the common value types are recognised by their type's identity, names are split when the
/// template is parsed, and output is appended to one byte buffer. The language and its
/// whitespace are the same (`TemplateParser`), and the tests render the same templates with
/// swift-mustache and compare.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// `value` rendered with the template `name`; nil when there is no such template. A
    /// partial or parent that does not exist renders as nothing.
    public func render(_ value: Any, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: value)
        renderer.render(template.nodes, TemplateRenderer.Frame())
        return String(decoding: renderer.output, as: UTF8.self)
    }
}

/// Renders nodes into a byte buffer, with the context stack beside it.
struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    /// The values sections opened, innermost last; names are looked up from the top.
    private var stack: [Any]

    init(library: TemplateLibrary, root: Any) {
        self.library = library
        stack = [root]
        output.reserveCapacity(16 * 1024)
    }

    /// What a piece of a template renders with, besides the stack.
    struct Frame {
        /// The element's place in the list whose section is being rendered.
        var position: TemplatePosition?
        /// Put after each line break of this template's own lines (a standalone partial's
        /// or block's indentation).
        var indentation: [UInt8] = []
        /// The blocks the templates extending this one supplied; the outermost wins.
        var blocks: [String: [TemplateNode]] = [:]
        var contentType = TemplateContentType.html

        /// Entering a partial or parent: a new template, escaping HTML until it says otherwise.
        func partial(indentation extra: String?, blocks added: [String: [TemplateNode]]) -> Frame {
            var frame = Frame()
            frame.indentation = indentation + Array((extra ?? "").utf8)
            frame.blocks = blocks.merging(added) { outer, _ in outer }
            return frame
        }

        func block(indentation extra: String) -> Frame {
            var frame = self
            frame.position = nil
            frame.indentation += Array(extra.utf8)
            return frame
        }
    }

    mutating func render(_ nodes: [TemplateNode], _ initial: Frame) {
        var frame = initial
        guard !frame.indentation.isEmpty else {
            // By index, so each node is lent to `render`, not copied (with its payloads).
            for index in nodes.indices { render(nodes[index], &frame) }
            return
        }
        // Indented: a node's output that starts a new line of this template gets the
        // indentation first (text a value brings in is not indented).
        let start = output.count
        for index in nodes.indices {
            let before = output.count
            render(nodes[index], &frame)
            if output.count > before, startsLine(at: before, after: start) {
                output.insert(contentsOf: frame.indentation, at: before)
            }
        }
    }

    /// Whether the output from `start` to `position` ends with a line feed that is not part
    /// of a CRLF (a CRLF is one Character, and swift-mustache compared the last Character).
    private func startsLine(at position: Int, after start: Int) -> Bool {
        guard position > start, output[position - 1] == UInt8(ascii: "\n") else { return false }
        return !(position - 2 >= start && output[position - 2] == UInt8(ascii: "\r"))
    }

    private mutating func render(_ node: TemplateNode, _ frame: inout Frame) {
        switch node {
        case .text(let text):
            output.append(contentsOf: text.utf8)

        case .variable(let name, let escaped):
            guard let value = lookup(name, frame) else { return }
            let text = TemplateValues.text(of: value)
            if escaped, frame.contentType == .html {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }

        case .section(let name, let body, let inverted):
            let value = lookup(name, frame)
            if inverted {
                renderInverted(body, value, frame)
            } else {
                renderSection(body, value, frame)
            }

        case .partial(let name, let dynamic, let indentation):
            guard let template = self.template(name, dynamic: dynamic, frame) else { return }
            render(template.nodes, frame.partial(indentation: indentation, blocks: [:]))

        case .parent(let name, let dynamic, let indentation, let blocks):
            guard let template = self.template(name, dynamic: dynamic, frame) else { return }
            render(template.nodes, frame.partial(indentation: indentation, blocks: blocks))

        case .block(let name, let defaultNodes, let indentation):
            render(frame.blocks[name] ?? defaultNodes, frame.block(indentation: indentation))

        case .contentType(let type):
            frame.contentType = type
        }
    }

    private mutating func renderSection(_ body: [TemplateNode], _ value: Any?, _ frame: Frame) {
        guard let value else { return }
        switch TemplateValues.section(value) {
        case .bool(let shown):
            if shown { render(body, frame) }
        case .list(let elements):
            var inner = frame
            for (index, element) in elements.enumerated() {
                inner.position = TemplatePosition(first: index == 0, last: index == elements.count - 1, index: index)
                stack.append(element)
                render(body, inner)
                stack.removeLast()
            }
        case .object(let object):
            var inner = frame
            inner.position = nil
            stack.append(object)
            render(body, inner)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ body: [TemplateNode], _ value: Any?, _ frame: Frame) {
        guard let value else { return render(body, frame) }
        switch TemplateValues.section(value) {
        case .bool(let shown):
            if !shown { render(body, frame) }
        case .list(let elements):
            // An empty list shows the section, with the list as the current value.
            guard elements.isEmpty else { return }
            var inner = frame
            inner.position = nil
            stack.append(value)
            render(body, inner)
            stack.removeLast()
        case .object:
            return
        }
    }

    private func template(_ name: String, dynamic: Bool, _ frame: Frame) -> Template? {
        guard dynamic else { return library.template(named: name) }
        let path = name.split(separator: ".").map(String.init)
        let value = lookup(TemplateName(kind: path.isEmpty ? .current : .path(path), transforms: [], written: name), frame)
        return (value as? String).flatMap { library.template(named: $0) }
    }

    // MARK: - Names

    private func lookup(_ name: TemplateName, _ frame: Frame) -> Any? {
        var value: Any?
        switch name.kind {
        case .current:
            value = stack.last
        case .position:
            value = frame.position
        case .anchored(let path):
            value = stack.last.flatMap { TemplateValues.resolve(path[...], from: $0) }
        case .path(let path):
            let first = path[0]
            for object in stack.reversed() {
                if let child = TemplateValues.child(first, of: object) {
                    value = path.count == 1 ? child : TemplateValues.resolve(path.dropFirst(), from: child)
                    break
                }
            }
        }
        guard var result = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = TemplateValues.transform(result, transform) else { return nil }
            result = transformed
        }
        return result
    }
}
