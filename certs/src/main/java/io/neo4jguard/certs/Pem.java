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
        } catch (CertificateException e) {
            throw new IOException("invalid certificate: " + e.getMessage(), e);
        }
        return out;
    }

    public static PrivateKey privateKey(String pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = p.readObject()) != null) {
                JcaPEMKeyConverter c = new JcaPEMKeyConverter();
                if (o instanceof PEMKeyPair kp) {
                    return c.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return c.getPrivateKey(info);
                }
            }
        }
        throw new IOException("no private key in PEM text");
    }
}
