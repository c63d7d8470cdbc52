import DossierCLI

/// The `dossier` executable: everything else lives in DossierCLI.
@main
enum Entry {
    static func main() async {
        await DossierCommand.main()
    }
}
