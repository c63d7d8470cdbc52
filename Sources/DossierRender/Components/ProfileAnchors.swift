import DossierCore
import DossierExtract
import DossierModel

/// The anchors of a profile's services and capabilities on its page, computed from the
/// model alone so the page, its diagrams, the guides and the search index all agree.
public struct ProfileAnchors: Sendable {
    /// By source line of the item.
    public var services: [Int: String] = [:]
    public var capabilities: [Int: String] = [:]
    /// By service name (the first item with that name).
    public var serviceByName: [String: String] = [:]

    public init(_ profile: Profile) {
        var allocator = AnchorAllocator(reserved: Self.sectionIDs(profile.sections) + Extractor.reservedAnchors)
        for service in profile.services {
            let id = allocator.allocate("service-" + Slug.make(service.name))
            services[service.line] = id
            if serviceByName[service.name] == nil { serviceByName[service.name] = id }
        }
        for capability in profile.capabilities {
            capabilities[capability.line] = allocator.allocate("cap-" + Slug.make(capability.name))
        }
    }

    static func sectionIDs(_ sections: [Section]) -> [String] {
        sections.flatMap { [$0.id] + sectionIDs($0.children) }
    }
}
