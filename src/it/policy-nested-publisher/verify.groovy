def log = new File(basedir, 'build.log').text
assert log.contains('FAIL [environment-matches]')
assert !log.contains('No trusted publisher is declared')
assert log.contains('The publishing policy check FAILED')
true
