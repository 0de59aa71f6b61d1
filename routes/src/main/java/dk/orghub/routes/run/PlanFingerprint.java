package dk.orghub.routes.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Segment;
import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.routes.sync.TargetSync;

/**
 * A digest of what a change set does: per changed object its type, UUID, kind and every
 * segment of its timeline after the change. Two plans with the same fingerprint change
 * the same objects to the same values. Used to refuse approving a run whose plan has
 * changed since the operator saw its preview. Only the digest is kept, never the values.
 * A target sync's plan has a digest of its own kind, over what it would send.
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
		return digest(lines);
	}

	/**
	 * The digest of a target sync's plan: per object its type, UUID, kind and the new
	 * values it sends over time.
	 */
	static String of(List<TargetChange> changes) {
		List<String> lines = new ArrayList<>(changes.size());
		for (TargetChange change : changes) {
			StringBuilder line = new StringBuilder();
			line.append(change.type()).append(' ').append(change.uuid()).append(' ').append(change.kind());
			for (ChangeDiff.Interval interval : change.intervals()) {
				line.append(" | ").append(interval.from()).append(' ').append(interval.to());
				interval.fields().forEach((f) -> line.append(' ').append(f.field()).append('=').append(f.after()));
			}
			lines.add(line.toString());
		}
		return digest(lines);
	}

	private static String digest(List<String> lines) {
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
