// A direct invocation must publish exactly as the lifecycle run does: the same checks apply.
evaluate(new File(basedir, '../../../src/it/publish-on-deploy/verify.groovy'))
