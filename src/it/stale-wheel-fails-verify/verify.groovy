def log = new File(basedir, 'build.log').text
assert log.contains('release-versions')
assert log.contains('0.9.0')
assert log.contains('1.0.0')
assert log.contains('The release check FAILED')
true
