/// Dossier's name and version, as written into exports and cache keys.
public enum DossierVersion {
    public static let name = "Dossier"
    public static let current = "0.1.0"
}
