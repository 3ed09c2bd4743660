def index = context.get('index')
try {
    assert index.requestCount() == 0
    def log = new File(basedir, 'build.log').text
    assert log.contains('demo_pkg-1.0.0-cp312-cp312-manylinux_2_17_x86_64.whl')
    assert log.contains('Nothing was uploaded')
} finally {
    index.stop()
}
true
