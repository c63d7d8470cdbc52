import DossierHighlight
import Testing

/// Large inputs, real and pathological, come back whole. Speed itself is measured by the
/// benchmarks (Benchmarks/), never timed in tests.
@Suite struct LargeInputTests {
    static let samples: [(language: String, code: String)] = [
        ("typescript", """
            import { Stack } from 'aws-cdk-lib';
            export const Card = ({ title }: { title: string }) => <div className="c">{`${title}!`}</div>;
            const n: number = items.reduce((a, b) => a + b / 2, 0); // sum

            """),
        ("python", """
            @app.get("/x")
            def handler(event, context):
                return f"{event['id']:>10} {context!r}" if True else None  # done

            """),
        ("bash", """
            export FOO="bar $BAZ"; npx ampx sandbox --profile "${PROFILE:-dev}" | tee out.log
            cat <<EOF
            body $HOME
            EOF

            """),
        ("json", "{\"key\": \"value\", \"n\": 1.5e3, \"ok\": [true, false, null]}, // c\n"),
        ("yaml", "key: value  # c\nlist:\n  - 'a'\n  - b: &x 1\nrun: |\n  echo hi\n"),
        ("sql", "SELECT a, COUNT(*) FROM {{ ref('t') }} WHERE b = 'x' AND c::int > 3 -- c\n"),
        ("swift", "@MainActor func f() async throws -> String { \"v \\(a + b)\" } // c\n"),
        ("hcl", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"${var.name}-x\" # c\n  tags = merge(local.t, {})\n}\n"),
    ]

    static func large(_ code: String) -> String {
        String(repeating: code, count: 200_000 / code.utf8.count + 1)
    }

    @Test(arguments: samples)
    func largeCodeIsHighlightedWhole(language: String, code: String) throws {
        let input = LargeInputTests.large(code)
        let output = try #require(Highlighter.highlight(input, language: language))
        #expect(output.utf8.count > input.utf8.count)
        #expect(output.hasSuffix("\n") == input.hasSuffix("\n"))
    }

    @Test(arguments: Highlighter.supportedLanguages)
    func largeUnclosedConstructsComeBackWhole(language: String) throws {
        let input = LargeInputTests.large("\"'`/*<<EOF ${ $( f\"{ #\"\\( x:\n")
        let output = try #require(Highlighter.highlight(input, language: language))
        #expect(output.utf8.count >= input.utf8.count)
    }
}
