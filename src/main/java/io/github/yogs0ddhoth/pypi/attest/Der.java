package io.github.yogs0ddhoth.pypi.attest;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough DER to take a certificate apart and put part of it back together: the certificate-transparency
 * check rebuilds the pre-certificate by dropping one extension, and the test CA writes certificates. Only
 * low-number tags and definite lengths, which is all X.509 uses.
 */
final class Der {
    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int UTF8_STRING = 0x0c;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    private Der() {}

    /** One element read from a byte array, pointing into it. */
    public record Tlv(int tag, byte[] source, int start, int valueStart, int end) {
        public byte[] value() {
            return java.util.Arrays.copyOfRange(source, valueStart, end);
        }

        /** The whole element, header included. */
        public byte[] encoded() {
            return java.util.Arrays.copyOfRange(source, start, end);
        }

        public List<Tlv> children() throws AttestationException {
            return readAll(source, valueStart, end);
        }

        public Tlv child(int index) throws AttestationException {
            List<Tlv> c = children();
            if (index >= c.size()) {
                throw new AttestationException("A DER structure has " + c.size() + " elements; element " + index
                        + " was expected.");
            }
            return c.get(index);
        }
    }

    /** Reads exactly one element spanning all of {@code der}. */
    public static Tlv read(byte[] der) throws AttestationException {
        List<Tlv> all = readAll(der, 0, der.length);
        if (all.size() != 1) {
            throw new AttestationException("Expected one DER element, found " + all.size() + ".");
        }
        return all.get(0);
    }

    public static List<Tlv> readAll(byte[] b, int from, int to) throws AttestationException {
        List<Tlv> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            int start = at;
            int tag = b[at++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new AttestationException("A DER element uses a high tag number, which X.509 never needs.");
            }
            if (at >= to) {
                throw new AttestationException("A DER element is cut short.");
            }
            int len = b[at++] & 0xff;
            if (len > 0x80) {
                int n = len & 0x7f;
                if (n > 4 || at + n > to) {
                    throw new AttestationException("A DER element has an impossible length.");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[at++] & 0xff);
                }
                if (len < 0) {
                    throw new AttestationException("A DER element has an impossible length.");
                }
            } else if (len == 0x80) {
                throw new AttestationException("A DER element has an indefinite length, which DER forbids.");
            }
            if (at + len > to) {
                throw new AttestationException("A DER element runs past its container.");
            }
            out.add(new Tlv(tag, b, start, at, at + len));
            at += len;
        }
        return out;
    }

    public static String oidToString(byte[] value) throws AttestationException {
        if (value.length == 0) {
            throw new AttestationException("An empty OBJECT IDENTIFIER.");
        }
        StringBuilder s = new StringBuilder();
        long acc = 0;
        boolean first = true;
        for (byte v : value) {
            acc = (acc << 7) | (v & 0x7f);
            if ((v & 0x80) == 0) {
                if (first) {
                    int top = acc < 40 ? 0 : acc < 80 ? 1 : 2;
                    s.append(top).append('.').append(acc - 40L * top);
                    first = false;
                } else {
                    s.append('.').append(acc);
                }
                acc = 0;
            }
        }
        return s.toString();
    }

    // ---- writing ----

    public static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        byte[] value = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int n = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, parts);
    }

    public static byte[] set(byte[]... parts) {
        return tlv(SET, parts);
    }

    public static byte[] integer(BigInteger v) {
        return tlv(INTEGER, v.toByteArray());
    }

    public static byte[] integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    public static byte[] bool(boolean v) {
        return tlv(BOOLEAN, new byte[] {(byte) (v ? 0xff : 0)});
    }

    public static byte[] octetString(byte[] v) {
        return tlv(OCTET_STRING, v);
    }

    /** A BIT STRING of whole bytes (no unused bits), as keys and signatures are. */
    public static byte[] bitString(byte[] v) {
        byte[] withPad = new byte[v.length + 1];
        System.arraycopy(v, 0, withPad, 1, v.length);
        return tlv(BIT_STRING, withPad);
    }

    public static byte[] utf8(String s) {
        return tlv(UTF8_STRING, s.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] ia5(String s) {
        return tlv(IA5_STRING, s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Context-specific tag {@code [n]}, constructed (explicit) or primitive (implicit). */
    public static byte[] tagged(int n, boolean constructed, byte[]... parts) {
        return tlv(0x80 | (constructed ? 0x20 : 0) | n, parts);
    }

    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long v) {
        int groups = 1;
        for (long t = v >>> 7; t != 0; t >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((v >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? b : b | 0x80);
        }
    }
}
