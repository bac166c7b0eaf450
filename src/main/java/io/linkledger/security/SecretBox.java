package io.linkledger.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Seals short secrets that must be shown again later (a member's dashboard link) with
 * AES-256-GCM under the server key ({@link ServerKeys}), so a copy of the database alone does
 * not open them. A sealed value reads {@code v1.<key id>.<base64url(nonce, ciphertext, tag)>}:
 * the key id lets values sealed under a replaced key still be opened.
 */
@Component
public class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ServerKeys keys;
    private final SecureRandom random = new SecureRandom();

    SecretBox(ServerKeys keys) {
        this.keys = keys;
    }

    public String seal(String secret) {
        ServerKeys.Key key = keys.primary();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + key.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret", e);
        }
    }

    /** The secret a {@link #seal} produced; fails if it was sealed under a key this server no longer has. */
    public String open(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        ServerKeys.Key key = keys.find(parts[1]).orElseThrow(() -> new IllegalStateException(
                "A token is sealed under key " + parts[1] + ", which this server does not have: set that key in "
                        + "LINKLEDGER_SECRET_KEY_PREVIOUS"));
        byte[] in = Base64.getUrlDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed token does not open with key " + parts[1], e);
        }
    }

    /** How every value sealed under the current key begins; values that begin otherwise are worth sealing again. */
    public String currentPrefix() {
        return VERSION + "." + keys.primary().id() + ".";
    }
}
