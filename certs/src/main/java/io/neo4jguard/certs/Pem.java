package io.neo4jguard.certs;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** PEM text to and from certificates and keys (PKCS#8 and SEC1 keys are both read; PKCS#8 is written). */
public final class Pem {
    private Pem() {
    }

    public static String write(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                if (o instanceof PrivateKey k) {
                    w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null));
                } else {
                    w.writeObject(o);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("PEM encoding failed", e);
        }
        return out.toString();
    }

    /** Every certificate in the text, in order (a CA bundle may hold several). */
    public static List<X509Certificate> certificates(String pem) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(new JcaX509CertificateConverter().getCertificate(h));
                }
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("malformed PEM certificate", e);
        }
        return out;
    }

    /** The first private key in the text. */
    public static PrivateKey privateKey(String pem) throws IOException {
        List<PrivateKey> keys = privateKeys(pem);
        if (keys.isEmpty()) {
            throw new IOException("no private key in PEM text");
        }
        return keys.get(0);
    }

    /**
     * Every private key in the text, in order: {@code ca.key} holds one per CA we can still sign with while
     * a new CA overlaps the old one. Errors never quote the text (it is key material).
     */
    public static List<PrivateKey> privateKeys(String pem) throws IOException {
        List<PrivateKey> out = new ArrayList<>();
        JcaPEMKeyConverter c = new JcaPEMKeyConverter();
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    out.add(c.getPrivateKey(kp.getPrivateKeyInfo()));
                } else if (o instanceof PrivateKeyInfo info) {
                    out.add(c.getPrivateKey(info));
                }
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports malformed base64 or DER with messages that may echo input; say only what failed.
            throw new IOException("malformed PEM private key");
        }
        return out;
    }
}
