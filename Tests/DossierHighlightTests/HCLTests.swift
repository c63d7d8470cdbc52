import DossierHighlight
import Testing

@Suite struct HCLTests {
    @Test func resourceBlockWithArgument() throws {
        let html = try HTMLInspection.checkedHighlight("resource \"aws_lambda_function\" \"fn\" { runtime = \"python3.12\" }", "hcl")
        HTMLInspection.expect(html, "resource", is: .keyword)
        HTMLInspection.expect(html, "\"aws_lambda_function\"", is: .string)
        HTMLInspection.expect(html, "\"fn\"", is: .string)
        HTMLInspection.expect(html, "runtime", is: .attribute)
        HTMLInspection.expect(html, "\"python3.12\"", is: .string)
    }

    @Test func interpolationIsCode() throws {
        let html = try HTMLInspection.checkedHighlight("name = \"${var.x}-${upper(local.env)}\"", "terraform")
        HTMLInspection.expect(html, "${", is: .operator)
        HTMLInspection.expect(html, "}", is: .operator)
        HTMLInspection.expect(html, "-", is: .string)
        HTMLInspection.expect(html, "upper", is: .function)
        HTMLInspection.expectPlain(html, "var")
    }

    @Test func bothCommentStyles() throws {
        let html = try HTMLInspection.checkedHighlight("# hash\n// slashes\n/* block */\na = 1", "tf")
        HTMLInspection.expect(html, "# hash", is: .comment)
        HTMLInspection.expect(html, "// slashes", is: .comment)
        HTMLInspection.expect(html, "/* block */", is: .comment)
    }

    @Test func nestedBlocksTypesLiteralsAndHeredocs() throws {
        let code = """
            variable "tags" {
              type    = map(string)
              default = { team = "data", enabled = true }
            }
            locals {
              policy = <<-EOT
                {"Resource": "${aws_s3_bucket.b.arn}"}
              EOT
              n = 3
            }
            """
        let html = try HTMLInspection.checkedHighlight(code, "hcl")
        HTMLInspection.expect(html, "variable", is: .keyword)
        HTMLInspection.expect(html, "locals", is: .keyword)
        HTMLInspection.expect(html, "type", is: .attribute)
        HTMLInspection.expect(html, "map", is: .type)
        HTMLInspection.expect(html, "string", is: .type)
        HTMLInspection.expect(html, "team", is: .attribute)
        HTMLInspection.expect(html, "true", is: .literal)
        HTMLInspection.expect(html, "<<-", is: .operator)
        HTMLInspection.expect(html, "    {\"Resource\": \"", is: .string)
        HTMLInspection.expect(html, "  EOT", is: .string)
        HTMLInspection.expect(html, "n", is: .attribute)
        HTMLInspection.expect(html, "3", is: .number)
    }

    @Test func forExpressions() throws {
        let html = try HTMLInspection.checkedHighlight("ids = [for s in var.subnets : s.id if s.public]", "hcl")
        HTMLInspection.expect(html, "for", is: .keyword)
        HTMLInspection.expect(html, "in", is: .keyword)
        HTMLInspection.expect(html, "if", is: .keyword)
    }
}
