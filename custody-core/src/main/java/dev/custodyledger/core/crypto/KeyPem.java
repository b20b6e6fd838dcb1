package dev.custodyledger.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * PEM encodings of Ed25519 keys, interoperable with OpenSSL: public keys as SubjectPublicKeyInfo, private keys
 * as PKCS#8, at rest encrypted with a passphrase (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC).
 */
public final class KeyPem {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final byte[] SPKI_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private KeyPem() {}

    /** The key as the JDK's (SubjectPublicKeyInfo, RFC 8410), for libraries that take JCA keys, e.g. jose4j. */
    public static java.security.PublicKey jdkPublicKey(Ed25519PublicKey key) {
        try {
            return java.security.KeyFactory.getInstance("Ed25519")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(concat(SPKI_PREFIX, key.encoded())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses a valid Ed25519 public key", e);
        }
    }

    /** The key as the JDK's (PKCS#8, RFC 8410), for libraries that take JCA keys; never log it. */
    public static java.security.PrivateKey jdkPrivateKey(Ed25519PrivateKey key) {
        try {
            return java.security.KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, key.seed())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses a valid Ed25519 private key", e);
        }
    }

    public static String publicKey(Ed25519PublicKey key) {
        return armor("PUBLIC KEY", concat(SPKI_PREFIX, key.encoded()));
    }

    public static Ed25519PublicKey parsePublicKey(String pem) {
        byte[] der = unarmor(pem, "PUBLIC KEY");
        if (der.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new KeyFormatException("not an Ed25519 SubjectPublicKeyInfo");
        }
        return Ed25519PublicKey.of(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    /** Unencrypted PKCS#8; for tests and for keys handed straight to a secret store. */
    public static String privateKey(Ed25519PrivateKey key) {
        return armor("PRIVATE KEY", concat(PKCS8_PREFIX, key.seed()));
    }

    public static String encryptedPrivateKey(Ed25519PrivateKey key, char[] passphrase) {
        return encryptedPrivateKey(key, passphrase, DEFAULT_ITERATIONS);
    }

    public static String encryptedPrivateKey(Ed25519PrivateKey key, char[] passphrase, int iterations) {
        requirePassphrase(passphrase);
        var random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        try {
            byte[] encrypted =
                    aes(Cipher.ENCRYPT_MODE, passphrase, salt, iterations, iv, concat(PKCS8_PREFIX, key.seed()));
            var kdf = new KeyDerivationFunc(
                    PKCSObjectIdentifiers.id_PBKDF2,
                    new PBKDF2Params(
                            salt,
                            iterations,
                            32,
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE)));
            var scheme = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv));
            var algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(kdf, scheme));
            return armor("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(algorithm, encrypted).getEncoded());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("PBKDF2 or AES is unavailable in this JDK", e);
        }
    }

    /** Reads an unencrypted or a passphrase-encrypted (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) PKCS#8 Ed25519 key. */
    public static Ed25519PrivateKey parsePrivateKey(String pem, char[] passphrase) {
        if (pem != null && pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            requirePassphrase(passphrase);
            byte[] der = unarmor(pem, "ENCRYPTED PRIVATE KEY");
            try {
                var info = EncryptedPrivateKeyInfo.getInstance(der);
                if (!PKCSObjectIdentifiers.id_PBES2.equals(
                        info.getEncryptionAlgorithm().getAlgorithm())) {
                    throw new KeyFormatException("only PBES2-encrypted private keys are supported");
                }
                var params = PBES2Parameters.getInstance(
                        info.getEncryptionAlgorithm().getParameters());
                var pbkdf2 =
                        PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
                if (!NISTObjectIdentifiers.id_aes256_CBC.equals(
                                params.getEncryptionScheme().getAlgorithm())
                        || !PKCSObjectIdentifiers.id_hmacWithSHA256.equals(
                                pbkdf2.getPrf().getAlgorithm())) {
                    throw new KeyFormatException("only PBKDF2-HMAC-SHA256 with AES-256-CBC is supported");
                }
                byte[] iv = ASN1OctetString.getInstance(
                                params.getEncryptionScheme().getParameters())
                        .getOctets();
                byte[] plain = aes(
                        Cipher.DECRYPT_MODE,
                        passphrase,
                        pbkdf2.getSalt(),
                        pbkdf2.getIterationCount().intValueExact(),
                        iv,
                        info.getEncryptedData());
                if (!isEd25519Pkcs8(plain)) {
                    // A wrong passphrase still yields valid CBC padding about once in 256 tries.
                    throw new KeyFormatException("wrong passphrase, or not a PBES2-encrypted private key");
                }
                return fromPkcs8(plain);
            } catch (GeneralSecurityException | IllegalArgumentException | ArithmeticException | ClassCastException e) {
                if (e instanceof KeyFormatException kfe) {
                    throw kfe;
                }
                throw new KeyFormatException("wrong passphrase, or not a PBES2-encrypted private key");
            }
        }
        return fromPkcs8(unarmor(pem, "PRIVATE KEY"));
    }

    private static byte[] aes(int mode, char[] passphrase, byte[] salt, int iterations, byte[] iv, byte[] data)
            throws GeneralSecurityException {
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256))
                .getEncoded();
        var cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(derived, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    private static boolean isEd25519Pkcs8(byte[] der) {
        return der.length == PKCS8_PREFIX.length + 32
                && Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length);
    }

    private static Ed25519PrivateKey fromPkcs8(byte[] der) {
        if (!isEd25519Pkcs8(der)) {
            throw new KeyFormatException("not an Ed25519 PKCS#8 private key");
        }
        return Ed25519PrivateKey.of(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new KeyFormatException("a passphrase is required");
        }
    }

    private static String armor(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unarmor(String pem, String label) {
        if (pem == null) {
            throw new KeyFormatException("no PEM text");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new KeyFormatException("expected a PEM block '" + label + "'");
        }
        try {
            return Base64.getMimeDecoder()
                    .decode(pem.substring(from + begin.length(), to).strip());
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("the PEM body is not base64");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
