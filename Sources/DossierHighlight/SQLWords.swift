/// Word lists for SQL, covering standard SQL, PostgreSQL, MySQL and Snowflake.
///
/// All lowercase; the lexer lowercases each word before looking it up, because SQL
/// keywords are case-insensitive. Aggregate and scalar functions are left out on
/// purpose, so `COUNT(*)` reads as a call.
enum SQLWords {
    static let keywords: Set<String> = [
        "add", "all", "alter", "analyze", "and", "any", "array", "as", "asc", "at", "authorization",
        "begin", "between", "both", "by", "call", "cascade", "case", "cast", "check", "cluster", "clone",
        "collate", "column", "comment", "commit", "constraint", "copy", "create", "cross", "cube",
        "current", "current_date", "current_timestamp", "current_user", "database", "declare", "default",
        "delete", "desc", "describe", "distinct", "do", "drop", "else", "end", "escape", "except",
        "exists", "explain", "fetch", "file", "filter", "first", "following", "for", "foreign", "format",
        "from", "full", "function", "grant", "group", "grouping", "having", "if", "ilike", "in", "index",
        "inner", "insert", "intersect", "into", "is", "join", "key", "language", "last", "lateral",
        "leading", "left", "like", "limit", "materialized", "merge", "natural", "not", "nulls", "offset",
        "on", "or", "order", "outer", "over", "partition", "pipe", "preceding", "primary", "procedure",
        "qualify", "range", "recursive", "references", "replace", "returning", "returns", "revoke",
        "right", "rlike", "role", "rollback", "rollup", "row", "rows", "sample", "schema", "select",
        "sequence", "set", "share", "show", "stage", "storage", "stream", "table", "task", "temp",
        "temporary", "then", "to", "top", "trailing", "transaction", "transient", "trigger", "truncate",
        "unbounded", "union", "unique", "unpivot", "pivot", "update", "use", "user", "using", "vacuum",
        "values", "view", "warehouse", "when", "where", "window", "with", "within", "grants", "usage",
        "ownership", "future", "execute", "immediate", "return", "returns", "loop", "while", "elsif",
        "elseif", "exception", "raise", "notice", "perform", "strict", "volatile", "stable", "immutable",
        "security", "definer", "invoker", "owner", "tablespace", "extension", "policy", "enable",
        "disable", "level", "restrict", "no", "action", "deferrable", "initially", "deferred",
        "replication", "connection", "lock", "release", "savepoint", "work", "interval",
        // Jinja control words in dbt models.
        "endif", "endfor", "elif", "macro", "endmacro", "endset", "endcall",
    ]

    static let types: Set<String> = [
        "bigint", "binary", "bit", "blob", "bool", "boolean", "bytea", "char", "character", "date",
        "datetime", "dec", "decimal", "double", "float", "float4", "float8", "geography", "geometry",
        "int", "int2", "int4", "int8", "integer", "json", "jsonb", "money", "nchar", "number", "numeric",
        "nvarchar", "object", "real", "serial", "bigserial", "smallint", "string", "text", "time",
        "timestamp", "timestamp_ltz", "timestamp_ntz", "timestamp_tz", "timestamptz", "tinyint", "uuid",
        "varbinary", "varchar", "variant", "precision", "varying", "zone", "mediumtext", "longtext",
    ]

    static let literals: Set<String> = ["true", "false", "null", "unknown"]
}
