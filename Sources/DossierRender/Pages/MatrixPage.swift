import DossierModel

/// `matrix/`: confidence across the handbook as heat tables — services × profiles, and
/// capabilities by tier × profiles. Colour and number both carry the value, so the tables
/// read in print and for colour-blind readers.
public struct MatrixPage {
    public var overview: SiteOverview

    public init(overview: SiteOverview) {
        self.overview = overview
    }

    public static let page = "matrix/"
    /// Beyond this many profiles, services × profiles turns around (profiles as rows), and
    /// rows beyond `maxRows` are left to the CSV files.
    static let maxColumns = 24
    static let maxRows = 400
    static let maxServiceColumns = 30

    public func render(site: RenderSite) -> String {
        var context = site.chrome.context(page: Self.page, title: "Confidence matrix",
                                          description: "Confidence in every service and tier, across the profiles of \(site.config.title).")
        let profiles = overview.profiles
        let links = Dictionary(uniqueKeysWithValues: profiles.compactMap { profile in
            overview.record(ofProfile: profile.id).map { (profile.id, SitePaths.relative(from: Self.page, to: $0.page)) }
        })
        func cell(_ value: Double?) -> [String: Any] {
            guard let value else { return ["empty": true, "sortValue": ""] }
            return ["empty": false, "value": Format.confidence(value), "heat": Format.heat(value), "sortValue": String(value)]
        }

        // Services × profiles.
        var serviceOrder: [String] = []
        var category: [String: String] = [:]
        var confidence: [String: [String: Double]] = [:]  // service → profile → value
        for profile in profiles {
            for service in profile.services {
                if confidence[service.name] == nil { serviceOrder.append(service.name); category[service.name] = service.category }
                confidence[service.name, default: [:]][profile.id] = max(service.confidence, confidence[service.name]?[profile.id] ?? 0)
            }
        }
        let hasServices = !serviceOrder.isEmpty
        context["hasServices"] = hasServices
        if profiles.count <= Self.maxColumns {
            context["servicesByRow"] = true
            context["serviceColumns"] = profiles.map { ["title": $0.title, "href": links[$0.id] ?? "", "hasHref": true] }
            context["serviceRows"] = serviceOrder.sorted { (category[$0]!, $0) < (category[$1]!, $1) }.map { name -> [String: Any] in
                ["name": name, "category": category[name] ?? "", "hasHref": false, "cells": profiles.map { cell(confidence[name]?[$0.id]) }]
            }
        } else {
            // Many profiles: one row each, for the services most profiles share.
            let common = serviceOrder.sorted { (confidence[$0]!.count, $1) > (confidence[$1]!.count, $0) }.prefix(Self.maxServiceColumns)
            context["serviceColumns"] = common.map { ["title": $0, "hasHref": false] }
            context["serviceRows"] = profiles.prefix(Self.maxRows).map { profile -> [String: Any] in
                ["name": profile.title, "href": links[profile.id] ?? "", "hasHref": true, "cells": common.map { cell(confidence[$0]?[profile.id]) }]
            }
            context["serviceNote"] = "Showing the \(common.count) services most profiles share"
                + (profiles.count > Self.maxRows ? ", for the first \(Self.maxRows) of \(profiles.count) profiles" : "")
                + ". Every value is in services.csv."
        }

        // Capabilities by tier × profiles.
        context["tierRows"] = profiles.prefix(Self.maxRows).map { profile -> [String: Any] in
            var row: [String: Any] = ["name": profile.title, "href": links[profile.id] ?? ""]
            var cells: [[String: Any]] = []
            for level in TierLevel.allCases {
                let values = profile.capabilities.filter { capability in
                    (profile.tiers.first { $0.id == capability.tier }?.level ?? Format.level(capability.confidence)) == level
                }.map(\.confidence)
                var entry = cell(values.isEmpty ? nil : values.reduce(0, +) / Double(values.count))
                entry["count"] = values.count
                entry["countValue"] = String(values.count)
                cells.append(entry)
            }
            row["cells"] = cells
            let all = profile.capabilities.map(\.confidence)
            row["total"] = all.count
            row["mean"] = cell(all.isEmpty ? nil : all.reduce(0, +) / Double(all.count))
            return row
        }
        if profiles.count > Self.maxRows { context["tierNote"] = "Showing the first \(Self.maxRows) of \(profiles.count) profiles; every value is in capabilities.csv." }
        context["hasProfiles"] = !profiles.isEmpty
        context["legend"] = (0...5).map { step -> [String: Any] in
            let labels = ["< 0.40", "0.40–0.59", "0.60–0.69", "0.70–0.79", "0.80–0.89", "≥ 0.90"]
            return ["heat": step, "label": labels[step]]
        }
        return site.templates.render("matrix", context)
    }
}
