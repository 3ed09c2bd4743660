package io.github.yogs0ddhoth.pypi.distribution;

/**
 * One tar member's header as {@link TarReader} read it, with any GNU long name and pax records applied.
 *
 * @param name the member name as stored (a directory's may end with {@code /})
 * @param linkName the target of a hard or symbolic link; empty for other members
 * @param type the tar type flag, one of the constants here or any other byte the archive holds
 * @param size the bytes of data the member stores in the archive
 * @param sparse whether Python's tarfile would call the member sparse: an old GNU sparse member, or GNU sparse data
 *     (formats 0.0, 0.1, 1.0) or star's sparse file type in pax records
 */
record TarEntry(String name, String linkName, byte type, long size, boolean sparse) {

    static final byte OLD_NORMAL = 0;
    static final byte NORMAL = '0';
    static final byte HARD_LINK = '1';
    static final byte SYMBOLIC_LINK = '2';
    static final byte CHARACTER_DEVICE = '3';
    static final byte BLOCK_DEVICE = '4';
    static final byte DIRECTORY = '5';
    static final byte FIFO = '6';
    static final byte CONTIGUOUS = '7';
    static final byte GNU_SPARSE = 'S';

    boolean isDirectory() {
        return type == DIRECTORY;
    }

    boolean isHardLink() {
        return type == HARD_LINK;
    }

    boolean isSymbolicLink() {
        return type == SYMBOLIC_LINK;
    }

    boolean isCharacterDevice() {
        return type == CHARACTER_DEVICE;
    }

    boolean isBlockDevice() {
        return type == BLOCK_DEVICE;
    }

    boolean isFifo() {
        return type == FIFO;
    }
}
