package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.identity.GitLabCiIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for a GitLab CI/CD pipeline that publishes. */
final class GitLabRules {
    /** Top-level keys that are not jobs. */
    private static final Set<String> RESERVED = Set.of("stages", "variables", "default", "include", "workflow",
            "image", "services", "cache", "before_script", "after_script", "types", "pages:deploy", "spec");

    record Job(String name, YamlNode node, int line) {
        String path() {
            return name;
        }
    }

    private GitLabRules() {
    }

    /** The jobs, with {@code extends:} resolved (deep merge, as GitLab does) and {@code default:} id_tokens. */
    static List<Job> jobs(YamlNode root) {
        List<Job> out = new ArrayList<>();
        YamlNode def = root.get("default");
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            String name = e.getKey();
            if (RESERVED.contains(name) || name.startsWith(".") || !e.getValue().isMap()) {
                continue;
            }
            YamlNode job = resolve(root, e.getValue(), 0);
            if (job.get("id_tokens") == null && def != null && def.get("id_tokens") != null) {
                YamlNode withDefault = YamlNode.map(job.line());
                withDefault.put("id_tokens", def.keyLine("id_tokens"), def.get("id_tokens"));
                job = YamlNode.deepMerge(withDefault, job);
            }
            out.add(new Job(name, job, root.keyLine(name)));
        }
        return out;
    }

    private static YamlNode resolve(YamlNode root, YamlNode job, int depth) {
        YamlNode ext = job.get("extends");
        if (ext == null || depth > 10) {
            return job;
        }
        YamlNode merged = YamlNode.map(job.line());
        for (YamlNode parent : ext.scalars()) {
            YamlNode p = root.get(parent.text());
            if (p != null && p.isMap()) {
                merged = YamlNode.deepMerge(merged, resolve(root, p, depth + 1));
            }
        }
        return YamlNode.deepMerge(merged, job);
    }

    static boolean publishes(Job job) {
        return publishLine(job) != null;
    }

    private static YamlNode publishLine(Job job) {
        YamlNode script = job.node().get("script");
        if (script == null) {
            return null;
        }
        for (YamlNode s : script.scalars()) {
            if (Commands.publishes(s.text())) {
                return s;
            }
        }
        return null;
    }

    static Job choose(List<Job> jobs, String declaredEnv) {
        return jobs.get(EnvironmentRule.choose(EnvironmentRule.Ci.GITLAB,
                jobs.stream().map(Job::node).toList(), declaredEnv));
    }

    /** The rules on the publish job chosen for one target. */
    static void job(String d, Job job, PublishTarget target, String prefix, PolicyFindings out) {
        YamlNode at = YamlNode.scalar(job.line(), null);
        // id_tokens
        String aud = target.audience();
        YamlNode tokens = job.node().get("id_tokens");
        if (aud == null) {
            boolean any = tokens != null && tokens.isMap() && tokens.entries().keySet().stream()
                    .anyMatch(k -> k.endsWith("_ID_TOKEN"));
            if (any) {
                out.add(PolicyResult.pass(PolicyRule.GITLAB_ID_TOKEN, d, prefix + "job '" + job.name()
                        + "' declares id_tokens (the audience of " + target.repositoryUrl()
                        + " is announced by the index at run time and is not checked here)"));
            } else {
                out.add(PolicyResult.fail(PolicyRule.GITLAB_ID_TOKEN, d, at, job.path() + ".id_tokens",
                        prefix + "Job '" + job.name() + "' runs the publish but declares no id_tokens, so GitLab"
                                + " gives it no ID token.",
                        "Add to job '" + job.name() + "': `id_tokens: {<AUD>_ID_TOKEN: {aud: <audience>}}`, with"
                                + " the audience " + target.repositoryUrl() + " announces at /_/oidc/audience."));
            }
        } else {
            String variable = GitLabCiIdentity.variableFor(aud);
            String snippet = "`id_tokens: {" + variable + ": {aud: " + aud + "}}`";
            YamlNode entry = tokens != null && tokens.isMap() ? tokens.get(variable) : null;
            List<String> auds = new ArrayList<>();
            if (entry != null && entry.get("aud") != null) {
                entry.get("aud").scalars().forEach(s -> auds.add(s.text()));
            }
            if (tokens == null) {
                out.add(PolicyResult.fail(PolicyRule.GITLAB_ID_TOKEN, d, at, job.path() + ".id_tokens",
                        prefix + "Job '" + job.name() + "' runs the publish but declares no id_tokens, so GitLab"
                                + " gives it no ID token for " + target.label() + ".",
                        "Add to job '" + job.name() + "': " + snippet + "."));
            } else if (entry == null) {
                out.add(PolicyResult.fail(PolicyRule.GITLAB_ID_TOKEN, d, tokens, job.path() + ".id_tokens",
                        prefix + "Job '" + job.name() + "' declares id_tokens " + tokens.entries().keySet()
                                + " but not " + variable + ", the variable the plugin reads for " + target.label()
                                + " (audience '" + aud + "').",
                        "Declare " + snippet + " on job '" + job.name() + "'."));
            } else if (!auds.contains(aud)) {
                out.add(PolicyResult.fail(PolicyRule.GITLAB_ID_TOKEN, d, entry, job.path() + ".id_tokens."
                        + variable + ".aud", prefix + "Job '" + job.name() + "' declares " + variable
                        + " with aud " + auds + ", but " + target.label() + " expects '" + aud + "'.",
                        "Set " + snippet + "."));
            } else {
                out.add(PolicyResult.pass(PolicyRule.GITLAB_ID_TOKEN, d, prefix + "job '" + job.name()
                        + "' declares " + variable + " with aud " + aud));
            }
        }

        out.add(EnvironmentRule.check(EnvironmentRule.Ci.GITLAB, d, prefix, job.name(), job.path(), job.node(), at,
                target.publisher().environment()));

        // Least privilege: the publish job should not build.
        YamlNode script = job.node().get("script");
        for (YamlNode s : script == null ? List.<YamlNode>of() : script.scalars()) {
            String build = Commands.buildCommand(s.text());
            if (build != null) {
                out.add(PolicyResult.warn(PolicyRule.SEPARATE_BUILD_JOB, d, s, job.path() + ".script",
                        prefix + "Publish job '" + job.name() + "' also builds the code (`" + build + "`).",
                        "Build in an earlier job that keeps the files as `artifacts:`, and let job '"
                                + job.name() + "' only publish them with `mvn pypi:pypi-publish`."));
                return;
            }
        }
        out.add(PolicyResult.pass(PolicyRule.SEPARATE_BUILD_JOB, d, prefix + "job '" + job.name()
                + "' does not build"));
    }
}
