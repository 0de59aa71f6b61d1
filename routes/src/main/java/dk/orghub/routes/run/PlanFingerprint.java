package dk.orghub.routes.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Segment;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;

/**
 * A digest of what a change set does: per changed object its type, UUID, kind and every
 * segment of its timeline after the change. Two plans with the same fingerprint change
 * the same objects to the same values. Used to refuse approving a run whose plan has
 * changed since the operator saw its preview. Only the digest is kept, never the values.
 */
final class PlanFingerprint {

	private PlanFingerprint() {
	}

	static String of(ApplyResult result) {
		List<String> lines = new ArrayList<>(result.changes().size());
		for (ObjectChange change : result.changes()) {
			StringBuilder line = new StringBuilder();
			line.append(change.type()).append(' ').append(change.uuid()).append(' ').append(change.kind());
			for (Segment<?> segment : change.after().segments()) {
				line.append(" | ").append(segment.validity());
				OrgObject value = segment.value();
				ChangeDiff.values(value).forEach((field, v) -> line.append(' ').append(field).append('=').append(v));
			}
			lines.add(line.toString());
		}
		lines.sort(null);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String line : lines) {
				digest.update(line.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
