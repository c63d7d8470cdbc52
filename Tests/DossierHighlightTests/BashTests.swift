import DossierHighlight
import Testing

@Suite struct BashTests {
    @Test func variableInsideDoubleQuotedString() throws {
        let html = try HTMLInspection.checkedHighlight("export FOO=\"bar $BAZ\"", "bash")
        HTMLInspection.expect(html, "export", is: .keyword)
        HTMLInspection.expect(html, "FOO", is: .variable)
        HTMLInspection.expect(html, "\"bar ", is: .string)
        HTMLInspection.expect(html, "$BAZ", is: .variable)
        HTMLInspection.expect(html, "\"", is: .string)
    }

    @Test func commentsAndShebang() throws {
        let html = try HTMLInspection.checkedHighlight("#!/usr/bin/env bash\n# set up\necho a#b # trailing", "sh")
        HTMLInspection.expect(html, "#!/usr/bin/env bash", is: .meta)
        HTMLInspection.expect(html, "# set up", is: .comment)
        HTMLInspection.expect(html, "# trailing", is: .comment)
        HTMLInspection.expectPlain(html, "a#b")
    }

    @Test func theCommandWordIsAFunctionAndArgumentsArePlain() throws {
        let html = try HTMLInspection.checkedHighlight("npx ampx sandbox", "bash")
        HTMLInspection.expect(html, "npx", is: .function)
        HTMLInspection.expectPlain(html, "ampx")
        HTMLInspection.expectPlain(html, "sandbox")
    }

    @Test func commandsAfterOperatorsAndAssignments() throws {
        let html = try HTMLInspection.checkedHighlight("AWS_PROFILE=dev aws s3 ls && cd /tmp | grep x; make", "bash")
        HTMLInspection.expect(html, "AWS_PROFILE", is: .variable)
        HTMLInspection.expect(html, "aws", is: .function)
        HTMLInspection.expect(html, "cd", is: .function)
        HTMLInspection.expect(html, "grep", is: .function)
        HTMLInspection.expect(html, "make", is: .function)
        HTMLInspection.expect(html, "&&", is: .operator)
        HTMLInspection.expectPlain(html, "s3")
    }

    @Test func consolePromptIsMetaAndOutputIsPlain() throws {
        let html = try HTMLInspection.checkedHighlight("$ npm run build\n> app@1.0.0 build\ndone in 2s\n$ ls", "console")
        #expect(HTMLInspection.kinds(of: "$ ", in: html) == ["hl-meta", "hl-meta"])
        HTMLInspection.expect(html, "npm", is: .function)
        HTMLInspection.expect(html, "ls", is: .function)
        HTMLInspection.expectPlain(html, "done")
        HTMLInspection.expectPlain(html, ">")
    }

    @Test func aBashBlockStartingWithAPromptIsASession() throws {
        let html = try HTMLInspection.checkedHighlight("$ whoami\nroot", "bash")
        HTMLInspection.expect(html, "$ ", is: .meta)
        HTMLInspection.expectPlain(html, "root")
    }

    @Test func aConsoleBlockWithoutPromptsIsAScript() throws {
        let html = try HTMLInspection.checkedHighlight("cd app\nnpm test", "console")
        HTMLInspection.expect(html, "npm", is: .function)
    }

    @Test func expansionsAndSubstitutions() throws {
        let html = try HTMLInspection.checkedHighlight("echo ${HOME:-/root} $1 $@ \"$(date +%s)\" $((1 + 2))", "bash")
        HTMLInspection.expect(html, "${HOME:-/root}", is: .variable)
        HTMLInspection.expect(html, "$1", is: .variable)
        HTMLInspection.expect(html, "$@", is: .variable)
        HTMLInspection.expect(html, "$(", is: .operator)
        HTMLInspection.expect(html, "date", is: .function)
        HTMLInspection.expect(html, "$((", is: .operator)
    }

    @Test func singleQuotesDoNotExpand() throws {
        let html = try HTMLInspection.checkedHighlight("echo '$HOME is literal'", "bash")
        HTMLInspection.expect(html, "'$HOME is literal'", is: .string)
    }

    @Test func heredocBodiesAreStrings() throws {
        let code = "cat <<EOF > out.txt\nhello $USER\nEOF\ncat <<'RAW'\nno $EXPANSION\nRAW\necho next"
        let html = try HTMLInspection.checkedHighlight(code, "bash")
        HTMLInspection.expect(html, "hello ", is: .string)
        HTMLInspection.expect(html, "$USER", is: .variable)
        HTMLInspection.expect(html, "no $EXPANSION", is: .string)
        HTMLInspection.expect(html, "echo", is: .function)
        HTMLInspection.expectPlain(html, "out.txt")
    }

    @Test func indentedHeredocWithDash() throws {
        let html = try HTMLInspection.checkedHighlight("if true; then\n\tcat <<-END\n\t\tbody\n\tEND\nfi", "bash")
        HTMLInspection.expect(html, "\t\tbody", is: .string)
        HTMLInspection.expect(html, "fi", is: .keyword)
    }

    @Test func controlFlowKeywords() throws {
        let html = try HTMLInspection.checkedHighlight("for f in *.md; do\n  if [ -f \"$f\" ]; then wc -l \"$f\"; fi\ndone", "bash")
        HTMLInspection.expect(html, "for", is: .keyword)
        HTMLInspection.expect(html, "f", is: .variable)
        HTMLInspection.expect(html, "in", is: .keyword)
        HTMLInspection.expect(html, "do", is: .keyword)
        HTMLInspection.expect(html, "then", is: .keyword)
        HTMLInspection.expect(html, "wc", is: .function)
        HTMLInspection.expect(html, "done", is: .keyword)
    }

    @Test func arithmeticAndArraysAreNotCommands() throws {
        let html = try HTMLInspection.checkedHighlight("(( count++ ))\nitems=(one two)\n(cd sub && make)", "bash")
        HTMLInspection.expectPlain(html, "count++")
        HTMLInspection.expectPlain(html, "one")
        HTMLInspection.expect(html, "items", is: .variable)
        HTMLInspection.expect(html, "cd", is: .function)
        HTMLInspection.expect(html, "make", is: .function)
    }

    @Test func casePatternsAreNotCommands() throws {
        let html = try HTMLInspection.checkedHighlight("case \"$1\" in\n  start) run ;;\n  *) usage ;;\nesac\nx=$(date)", "bash")
        HTMLInspection.expect(html, "case", is: .keyword)
        HTMLInspection.expect(html, "in", is: .keyword)
        HTMLInspection.expect(html, "esac", is: .keyword)
        HTMLInspection.expectPlain(html, "start")
        HTMLInspection.expect(html, "run", is: .function)
        HTMLInspection.expect(html, "usage", is: .function)
        HTMLInspection.expect(html, "date", is: .function)
    }

    @Test func unterminatedQuotesRunToTheEnd() throws {
        let html = try HTMLInspection.checkedHighlight("echo \"open\nstill $X", "bash")
        HTMLInspection.expect(html, "still ", is: .string)
        HTMLInspection.expect(html, "$X", is: .variable)
    }
}
