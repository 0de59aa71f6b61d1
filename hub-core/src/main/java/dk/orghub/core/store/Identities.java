package dk.orghub.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dk.orghub.core.model.ObjectType;

/**
 * UUIDs for external ids not yet bound: HMAC-SHA-256 under the store's secret. Each
 * thread keeps one {@link Mac} initialised with the key (a first load makes a UUID for
 * each new person; the algorithm is looked up and the key prepared once, not per UUID).
 */
final class Identities {

	private final ThreadLocal<Mac> macs;

	Identities(byte[] key) {
		SecretKeySpec secret = new SecretKeySpec(key, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(secret);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available", ex);
			}
		});
	}

	/**
	 * The first 128 bits of HMAC-SHA-256 of source, type and id, marked as a version 8
	 * (custom) UUID of the RFC 9562 variant.
	 */
	UUID keyed(String source, ObjectType type, String externalId) {
		byte[] digest = this.macs.get()
			.doFinal((source + '\u0000' + type.name() + '\u0000' + externalId).getBytes(StandardCharsets.UTF_8));
		digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
		digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
		ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
		return new UUID(bytes.getLong(), bytes.getLong());
	}

}
