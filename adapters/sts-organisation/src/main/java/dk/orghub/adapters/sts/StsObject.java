package dk.orghub.adapters.sts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One STS Organisation object as the hub wants it held, independent of JAXB: its
 * properties (Egenskab), states (Gyldighed) and relations, each with its validity. Lists
 * are kept sorted, so equal content gives an equal object and an equal {@link #hash()}.
 *
 * @param kind the object type
 * @param uuid the object's UUID in STS Organisation
 * @param userKey the key people use, for messages
 * @param source the canonical object it comes from, for messages (e.g.
 * {@code org-units:<uuid>})
 */
public record StsObject(StsKind kind, UUID uuid, String userKey, String source, List<Props> properties,
		List<State> states, List<Rel> relations) {

	private static final Comparator<Period> PERIODS = Comparator.comparing(Period::from)
		.thenComparing(p -> (p.to() != null) ? p.to() : LocalDate.MAX);

	public StsObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(uuid, "uuid");
		List<Props> p = new ArrayList<>(properties);
		p.sort(Comparator.comparing(Props::period, PERIODS));
		properties = List.copyOf(p);
		List<State> s = new ArrayList<>(states);
		s.sort(Comparator.comparing(State::period, PERIODS));
		states = List.copyOf(s);
		List<Rel> r = new ArrayList<>(relations);
		r.sort(Comparator.comparing(Rel::name)
			.thenComparing(Rel::period, PERIODS)
			.thenComparing(rel -> rel.target().toString())
			.thenComparing(rel -> String.valueOf(rel.role()))
			.thenComparing(rel -> String.valueOf(rel.index())));
		relations = List.copyOf(r);
	}

	/** A validity: {@code from} inclusive, {@code to} exclusive, {@code null} = open. */
	public record Period(LocalDate from, LocalDate to) {

		public Period {
			Objects.requireNonNull(from, "from");
		}

		public boolean contains(LocalDate date) {
			return !date.isBefore(this.from) && (this.to == null || date.isBefore(this.to));
		}

		/** The overlap of two periods, or {@code null} when they do not overlap. */
		public Period intersect(Period other) {
			LocalDate f = this.from.isAfter(other.from) ? this.from : other.from;
			LocalDate t = (this.to == null) ? other.to
					: (other.to == null) ? this.to : (this.to.isBefore(other.to) ? this.to : other.to);
			return (t != null && !t.isAfter(f)) ? null : new Period(f, t);
		}

	}

	/**
	 * An Egenskab. {@code name} is EnhedNavn, FunktionNavn, BrugerNavn, a person's
	 * NavnTekst or an address's AdresseTekst; {@code cpr} only on persons, only where
	 * configured.
	 */
	public record Props(Period period, String userKey, String name, String cpr) {

		@Override
		public String toString() {
			return "Props[" + this.period + ", " + this.userKey + ", " + this.name + ", cpr="
					+ ((this.cpr != null) ? "present" : "none") + "]";
		}

	}

	/** A Gyldighed: Aktiv or Inaktiv over a period. */
	public record State(Period period, boolean active) {

	}

	/**
	 * A relation, e.g. {@code Overordnet} or {@code Adresser}; role, type and index only
	 * on {@code Adresser} and {@code Opgaver}.
	 */
	public record Rel(String name, Period period, UUID target, UUID role, UUID type, String index) {

		public static Rel of(String name, Period period, UUID target) {
			return new Rel(name, period, target, null, null, null);
		}

	}

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	/**
	 * The SHA-256 of the content (kind, UUID, properties, states, relations; not the user
	 * key or source kept for messages), fed as length-prefixed binary fields.
	 */
	public String hash() {
		Digest d = new Digest(SHA256.get());
		d.text(this.kind.name()).uuid(this.uuid);
		d.number(this.properties.size());
		for (Props p : this.properties) {
			d.period(p.period()).text(p.userKey()).text(p.name()).text(p.cpr());
		}
		d.number(this.states.size());
		for (State st : this.states) {
			d.period(st.period()).number(st.active() ? 1 : 0);
		}
		d.number(this.relations.size());
		for (Rel r : this.relations) {
			d.text(r.name()).period(r.period()).uuid(r.target()).uuid(r.role()).uuid(r.type()).text(r.index());
		}
		return HexFormat.of().formatHex(d.digest.digest());
	}

	/** Feeds fields to a digest without building text. */
	private static final class Digest {

		private final MessageDigest digest;

		private final byte[] buffer = new byte[8];

		Digest(MessageDigest digest) {
			this.digest = digest;
			digest.reset();
		}

		Digest number(long value) {
			for (int i = 0; i < 8; i++) {
				this.buffer[i] = (byte) (value >>> (56 - 8 * i));
			}
			this.digest.update(this.buffer);
			return this;
		}

		Digest uuid(UUID value) {
			if (value == null) {
				return number(-1).number(-1);
			}
			return number(value.getMostSignificantBits()).number(value.getLeastSignificantBits());
		}

		Digest text(String value) {
			if (value == null) {
				return number(-1);
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			number(bytes.length);
			this.digest.update(bytes);
			return this;
		}

		Digest period(Period period) {
			return number(period.from().toEpochDay()).number((period.to() != null) ? period.to().toEpochDay() : -1);
		}

	}

	/** The UUIDs of the objects this one refers to that must exist in STS before it. */
	public List<UUID> dependencies() {
		List<UUID> result = new ArrayList<>();
		for (Rel rel : this.relations) {
			switch (rel.name()) {
				case "Overordnet", "Adresser", "TilknyttedePersoner", "TilknyttedeEnheder", "TilknyttedeBrugere" ->
					result.add(rel.target());
				default -> {
				}
			}
		}
		return result;
	}

	/**
	 * This object ended on {@code date}: properties and relations cut there, active until
	 * then and inactive from then (the KOMBIT way to deactivate; nothing is deleted).
	 */
	public StsObject endedOn(LocalDate date) {
		Period until = new Period(LocalDate.of(1900, 1, 1), date);
		List<Props> props = this.properties.stream()
			.filter(p -> p.period().intersect(until) != null)
			.map(p -> new Props(p.period().intersect(until), p.userKey(), p.name(), p.cpr()))
			.toList();
		List<Rel> rels = this.relations.stream()
			.filter(r -> r.period().intersect(until) != null)
			.map(r -> new Rel(r.name(), r.period().intersect(until), r.target(), r.role(), r.type(), r.index()))
			.toList();
		List<State> states = new ArrayList<>();
		if (this.kind != StsKind.PERSON && this.kind != StsKind.ADRESSE) {
			this.states.stream()
				.filter(s -> s.period().intersect(until) != null)
				.forEach(s -> states.add(new State(s.period().intersect(until), s.active())));
			states.add(new State(new Period(date, null), false));
		}
		return new StsObject(this.kind, this.uuid, this.userKey, this.source, props, states, rels);
	}

}
