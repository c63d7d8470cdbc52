/// The starting point of a pattern document: a procedure in the shape Dossier reads (facts
/// under the title, problem statement, diagram, `Step N` sections, guide fields, related
/// patterns), explaining each in passing.
///
/// A Swift string rather than a file in the repository, for the reason given on
/// ``ExampleProfile``: `dossier init` and `dossier new` must work from the binary alone.
enum ExamplePattern {
    /// - Parameters:
    ///   - title: the H1, as the user named the pattern.
    ///   - slug: the front matter `name` (the pattern's id).
    ///   - companion: the id of the profile whose Pattern 1 this document deploys: named as
    ///     the primary user (so the guide draws on its knowledge) and linked; `nil` when
    ///     there is none.
    static func markdown(title: String, slug: String, companion: String?) -> String {
        let users = companion.map { "\n\n**Primary Users**: \($0)" } ?? ""
        let usersSentence = companion == nil
            ? " Name the agents that follow it in a `**Primary Users**: some-agent, other-agent` paragraph of profile ids: the deployment guide then draws on the first one's knowledge base and troubleshooting."
            : " `Primary Users` names the profiles that follow it; the deployment guide draws on the first one's knowledge base and troubleshooting."
        let related = companion.map {
            "- **Static Site Behind a CDN**: [Pattern 1 of the example profile](../profiles/\($0).md#pattern-1-static-site-behind-a-cdn), the architecture this procedure deploys"
        } ?? "- **Another pattern**: link each related document as `[Its Title](its-file.md)`, with a note on how the two fit together"
        return #"""
        ---
        name: \#(slug)
        description: How to publish a static site release in one atomic step, and how to take it back. A starting point written by Dossier.
        ---

        # \#(MarkdownText.heading(title))

        A pattern document is a procedure to follow: the problem it solves, the steps with their commands, how to watch the result and how to undo it. Dossier reads the `**Key**: value` paragraphs under the title as the pattern's facts (shown in the page header), `## Step N:` sections as its steps, and sections called `When to Use`, `When Not to Use`, `Prerequisites`, `Monitoring` and `Rollback` as the parts of its deployment guide.\#(usersSentence) This one publishes a static site, such as the handbook you are reading.

        **Pattern Type**: Deployment

        **Tools**: dossier, rsync, ssh

        **Confidence**: HIGH (0.88) - every release of the example site since launch\#(users)

        **Cost**: $5-15/month for the origin server and the CDN

        ## Problem Statement

        **Scenario**: A change has been merged and should be live within minutes.

        **Challenge**: Readers must never see half a release, and a bad release must be undone faster than it was made.

        **Goal**: Publish each release in one atomic step, and keep the previous one for rollback.

        ## Overview

        An arrow diagram anywhere in the document is drawn; the first one is the pattern's.

        ```
        Check → Build → Upload → Switch → Verify
                                            ↓
                                        Roll Back
        ```

        ## When to Use
        - The site is static files: a handbook, documentation, a blog
        - The CI runner can reach the origin server over SSH

        ## When Not to Use
        - The origin is object storage, where folders cannot be switched atomically; publish to versioned prefixes and switch the CDN origin instead

        ## Prerequisites
        - `dossier` installed on the CI runner
        - An origin server with a `releases/` folder and a `current` link that the web server serves

        ## Step 1: Check the Site
        Stop at the first warning, so that a broken link never reaches a reader.

        ```sh
        dossier check --strict
        ```

        ## Step 2: Build and Upload
        Build into `site/`, then copy the build into a release folder named after the commit.

        ```sh
        dossier build
        rsync -a --delete site/ deploy@origin:/srv/site/releases/$COMMIT/
        ```

        ## Step 3: Switch
        Point `current` at the new release. A rename is atomic, so every request is answered by either the old release or the new one.

        ```sh
        ssh deploy@origin "cd /srv/site && ln -sfn releases/$COMMIT current.new && mv -T current.new current"
        ```

        ## Step 4: Verify
        - Open the home page and one deep page through the CDN
        - Check that the page source names the commit you released

        ## Monitoring
        - Uptime checks on the home page every minute
        - The error rate in the access logs during the first hour after a release

        ## Rollback
        - Point `current` back at the previous release folder: releases are never deleted on release
        - Purge the HTML paths on the CDN

        ## Related Patterns
        \#(related)

        """#
    }
}
