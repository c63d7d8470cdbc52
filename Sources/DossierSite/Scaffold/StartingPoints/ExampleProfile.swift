/// The starting point of a profile: a worked example that uses every section and line shape
/// Dossier reads, explaining each in passing.
///
/// It is a Swift string rather than a file in the repository because `dossier init` and
/// `dossier new` must work from the binary alone, wherever it was copied; kept as one
/// literal, it still reads (and diffs) as the Markdown it writes. Every line shape here is
/// one the extractors understand, and `ScaffoldTests` checks that the whole file extracts
/// with no diagnostics — change the text, run the tests.
enum ExampleProfile {
    /// - Parameters:
    ///   - title: the H1, as the user named the profile.
    ///   - slug: the front matter `name` (the profile's id).
    ///   - companion: the id of the pattern document this profile's Pattern 1 is written up
    ///     in, linked from the text; `nil` when there is none to link to.
    static func markdown(title: String, slug: String, companion: String?) -> String {
        let companionSentence = companion.map {
            "The [example pattern document](../patterns/\($0).md) walks through Pattern 1 step by step, the way a pattern document does."
        } ?? "The step-by-step version of a pattern belongs in a pattern document: `dossier new pattern \"Publish a Release\"` starts one."
        return #"""
        ---
        name: \#(slug)
        description: Publishes static websites from Git to an origin server behind a CDN, and keeps every release fast, cheap and reversible.
        model: sonnet
        color: blue
        tools: Read, Write, Bash, Grep
        ---

        # \#(MarkdownText.heading(title))

        This profile is a starting point written by Dossier. Every section below is one Dossier reads into data and draws on this page: capability tiers become bars, the service matrix a heat table, metrics become cards and each architecture pattern a diagram with a deployment guide of its own. Keep the headings and the shape of the lines, replace the words and numbers with your own agent's, and run `dossier check --strict`: it tells you about any line Dossier no longer understands. A section Dossier does not recognise is never lost; it stays on the page as ordinary Markdown.

        The front matter at the top (between the `---` lines) is the format Claude Code uses for subagents: `name` becomes the profile's id, `description` its summary on the profiles page, and the other keys are shown in the page header.

        ## Role & Expertise
        Publishes static websites from a Git repository to an origin server behind a CDN, and keeps every release fast, cheap and easy to take back.

        Dossier takes the first paragraph under this heading as the agent's role. A heading called `Role`, `Expertise` or `Core Expertise` works as well.

        ## Core Responsibilities
        - Turn a merged change into a live site within minutes, with no manual steps
        - Keep every release reversible: the previous build stays one switch away
        - Watch cache hit rates, error rates and hosting cost, and act before readers notice
        - Write down what worked, so the next release repeats it

        ## Capability Confidence Levels

        A confidence is a number from 0 to 1: how sure you are that the agent does the work well. Each `###` heading below is a tier, with its range in parentheses; Dossier warns about a score outside its tier's range. The italic line under a tier heading describes the tier. Write each capability as `Name: score (note)`. A note that starts with `last updated:` says where the score was last set, `old → new` records a change, and `→ **PROMOTED to Primary**` marks a capability that has outgrown its tier. Sub-bullets are kept as the capability's details.

        ### Primary Expertise (≥0.85)
        *Work this agent does reliably on its own*
        - Static site deployment to an origin server: 0.93 (last updated: handbook-launch)
        - CDN cache configuration: 0.75 → 0.88 (+0.13 after the docs-migration project)
          - Versions asset file names instead of purging the whole cache
          - Gives assets a long cache lifetime and HTML pages a short one
        - Release rollback: 0.90 (rehearsed on every release) (last updated: docs-migration)

        ### Secondary Expertise (0.60-0.84)
        *Competent, but better with a reviewer*
        - DNS and TLS certificate management: 0.78 (needs a second pair of eyes on changes)
        - **Redirects and rewrites at the edge**: 0.70 (a bold name works too)
        - Preview sites for pull requests: 0.86 → **PROMOTED to Primary** (ten previews without a failure)

        ### Developing Areas (<0.60)
        *Still learning: pair it with a specialist*
        - Two-region failover: 0.52 (rehearsed once, in a test account)
        - Rendering pages at the edge: 0.45 (one experiment so far)

        ## Performance Metrics
        *Each `**Key**: value` line becomes a card. Dossier reads rates, counts and “N successes / M attempts” as numbers for the export.*
        - **Releases**: 48 (since handbook-launch)
        - **Success rate**: 96% (46 successes / 48 attempts)
        - **Rollbacks**: 2 (both within five minutes)
        - **Median time to live**: 3 minutes from merge
        - **Cache hit rate**: 94%

        ## Service Expertise Matrix

        *One `###` heading per category and one `**Service**: score - what the agent does with it` line per service. The page draws them as a heat table, and boxes of the diagrams below that name a service link to its row.*

        ### Build and Delivery
        - **CI Runner**: 0.92 - Builds, checks and uploads every release
        - **Origin Server**: 0.90 - Keeps each release in a folder of its own and serves the live one
        - **CDN**: 0.88 - Caches pages near readers; purges only the HTML on release

        ### Domains and Security
        - **DNS**: 0.80 - Records, and short lifetimes before a migration
        - **TLS Certificates**: 0.78 - Automated renewal and chain checks

        ### Observability
        - **Access Logs**: 0.85 - Error rates, cache hit rates, most-read pages
        - **Uptime Checks**: 0.82 - A probe every minute from three places

        ## Knowledge Base

        ### Best Practices
        *Lessons worth repeating: a bold title, where the lesson was learned in parentheses, the details as sub-bullets*
        - **Version asset file names** (learned from: docs-migration)
          - Put a hash of the content in the name of every stylesheet, script and image
          - Let the CDN keep those files for a year and HTML pages for a minute
          - A release then never needs a full CDN purge
        - **Keep the previous release** (learned from: handbook-launch)
          - Upload each build into a folder named after its commit
          - Switch the live site by moving one link, never by overwriting files

        ### Common Patterns
        *Approaches proven often enough to reuse, with how sure you are and how often they were used*
        - **Atomic release switch** (confidence: 0.90, usage: 48 releases)
          - Upload the new build beside the old one on the origin server, then move the link
          - A rename is atomic, so no reader ever sees half a release
            ```sh
            rsync -a --delete site/ deploy@origin:/srv/site/releases/$COMMIT/
            ssh deploy@origin "cd /srv/site && ln -sfn releases/$COMMIT current.new && mv -T current.new current"
            ```

        ### Troubleshooting Guide
        *One line per problem: the symptom in bold, an arrow, the fix, and how often the fix worked. Longer cases get an `#### Issue:` heading.*
        - **Readers still see the old page after a release** → Solution: the HTML was cached too long; shorten its lifetime on the CDN and purge the HTML paths (success rate: 100%)
        - **Styles missing on a new page** → Solution: an asset name was not versioned; rebuild with hashed file names (success rate: 95%)
        - **Browser warns about the certificate** → Solution: renew the TLS certificate and check the chain with `openssl s_client` (success rate: 90%)

        #### Issue: Release Switch Did Not Take Effect

        **Symptoms**: the new build is on the origin server, but readers get the previous one

        **Root Causes**:
        - The link was moved on one origin server but not on the other
        - The CDN kept the old HTML

        **Diagnostic Steps** (90% success rate):
        - Compare the commit in the page source with the release folder's name
        - Request the page from the origin server directly, bypassing the CDN

        **Resolution**: move the link on every origin server, then purge the HTML paths on the CDN

        ## Learning & Improvement

        ### Knowledge Gaps Identified
        - **Rendering at the edge** (identified in: docs-migration, priority: medium)
          - Some pages would load faster if the CDN rendered them
          - Needs a small trial before it is offered to anyone

        ### Improvement Priorities
        *Where the agent should grow next: each item shows its current confidence and the target as a bar*
        1. **Two-region failover** (current confidence: 0.52, target: 0.80)
           - Rehearse losing one origin server during a release
           - Add a standby origin server in a second region
        2. **DNS and TLS certificate management** (current confidence: 0.78, target: 0.90)
           - Automate certificate renewal from end to end

        ## Collaboration
        *Dossier turns the agents named here into relations, linked to their profiles when the handbook has them. `dossier check --verbose` lists the names it cannot find yet; `dossier new profile "Security Specialist"` would add one.*
        - **Works best with**:
          - security-specialist (reviews every DNS and certificate change)
          - documentation-expert (writes the release notes readers see)
        - **With security-specialist**: shares the certificate inventory a week before renewals (success rate from 6 projects: 100%)
        - **Hand-offs**:
          - A release passes its checks → documentation-expert announces it

        ## Proven Architecture Patterns

        Each `###` heading below is one pattern, and each gets a deployment guide. Dossier reads the `**Confidence** | **Cost** | **Proven in**` line, draws the diagram (`→` joins boxes on a line, `↓` hangs a box under the one above it, and `(future)` draws a box dashed) and reads the labelled lists: when to use and not to use, prerequisites, implementation, monitoring and rollback. A pattern without a rollback gets a warning, because its guide would have none. \#(companionSentence)

        ### Pattern 1: Static Site Behind a CDN
        **Confidence**: 0.90 | **Cost**: $5-15/month for a small site | **Proven in**: handbook-launch, docs-migration

        ```
        Git Push → CI Runner → Origin Server → CDN → Readers
                                     ↓
                                Access Logs
        ```

        **When to use**:
        - Content that changes a few times a day, not on every request
        - Sites that must stay up while the build system is down

        **When not to use**:
        - Pages that differ for every signed-in reader

        **Prerequisites**:
        - A CI runner that can reach the origin server over SSH
        - A domain whose DNS you control

        **Implementation**:
        1. Build and check the site on the CI runner
        2. Upload the build into a new release folder on the origin server
        3. Move the live link to the new release in one step
        4. Purge the HTML paths on the CDN

        **Monitoring**:
        - Uptime checks on the home page and one deep page, every minute
        - Error rate and cache hit rate from the access logs

        **Rollback**:
        - Move the live link back to the previous release folder (releases are never deleted on release)
        - Purge the HTML paths on the CDN again

        ### Pattern 2: Two-Region Failover (Future)
        **Confidence**: 0.52 | **Cost**: $20-40/month | **Use case**: sites that must survive losing a whole region

        ```
        CDN → Primary Origin
         ↓
        Standby Origin (future)
        ```

        **When to use**:
        - Readers depend on the site during an outage of one cloud region

        **Implementation**:
        1. Copy every release to a standby origin server in a second region
        2. Configure the CDN to fail over to the standby when health checks fail

        **Monitoring**:
        - Health checks on both origin servers, and an alert when the CDN fails over

        **Rollback**:
        - Remove the standby from the CDN configuration; the primary keeps serving as before

        """#
    }
}
