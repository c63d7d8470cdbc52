// `dossier serve`: the development server (HTTP with Hummingbird, file watching, live
// reload). Being written; see issue 6.
