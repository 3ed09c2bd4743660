package io.github.yogs0ddhoth.pypi.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Publishes the wheels and sdists of the build to a PyPI-compatible index through trusted publishing. */
@Mojo(name = "pypi-publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractMojo {
    @Override
    public void execute() {
        getLog().info("pypi-publish");
    }
}
