package dk.orghub.adapters.sts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.kombit.security.Credential;
import dk.orghub.kombit.security.KombitSecurityException.Reason;
import dk.orghub.kombit.security.SamlToken;
import dk.orghub.kombit.security.TokenCache;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalCertificates;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publishing with security on, against the local token service and a local STS service
 * that verifies every signed call; and each bad case refused with its named reason and
 * nothing half-sent.
 */
class StsSecurityIT {

	private static Municipality m;

	private static CanonicalState state;

	private static LocalCertificates.Set certificates;

	@TempDir
	Path dir;

	@BeforeAll
	static void generate() {
		m = StsSamples.municipality(100);
		state = StsSamples.state(m);
		certificates = StsSamples.certificates(m);
	}

	@Test
	void fullPublishChangeAndReconcileWithEveryCallVerified() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates);
				StsOrganisationAdapter adapter = new StsOrganisationAdapter(
						StsSamples.secureSettings(service, m, this.dir).withConcurrency(32),
						new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
			StsPublisher.Report report = adapter.publishAll();
			assertThat(report.quarantined()).isZero();
			assertThat(report.created()).isPositive();
			// a change (what the outbox drain does) and a reconcile
			OrgUnit root = m.units().get(m.root()).latest().orElseThrow();
			OrgUnit renamed = new OrgUnit(root.uuid(), root.userKey(), root.name() + " (ny)", null, root.unitType(),
					root.unitLevel(), root.payoutUnit());
			adapter.publish(new TargetObject<>(ObjectType.ORG_UNIT, root.uuid(),
					Timeline.of(Validity.from(m.units().get(m.root()).segments().get(0).validity().from()), renamed)));
			assertThat(adapter.client().laes(StsKind.ENHED, m.root()).orElseThrow().properties().get(0).name())
				.isEqualTo(root.name() + " (ny)");
			StsReconciler.Result result = adapter.reconcile();
			assertThat(result.drifted()).isEmpty();
			assertThat(result.held()).isPositive();

			assertThat(service.refusedCalls()).isEmpty();
			assertThat(service.verifiedCalls()).as("every call verified").isEqualTo(adapter.client().calls());
			assertThat(service.tokenService().issued()).as("one token for the whole run").isEqualTo(1);
			assertThat(adapter.client().tokens().fetches()).isEqualTo(1);
		}
	}

	@Test
	void aTokenExpiringDuringTheRunIsFetchedAgainAndTheRunGoesOn() {
		MutableClock clock = StsSamples.clock();
		AtomicLong requests = new AtomicLong();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates);
				StsOrganisationAdapter adapter = new StsOrganisationAdapter(
						StsSamples.secureSettings(service, m, this.dir).withConcurrency(8),
						new SentLedger(StsSamples.database(), clock), clock, () -> state, (kind, operation, body) -> {
							// every 200 calls, two minutes pass: a 7-minute token is
							// within the
							// 5-minute margin after the first 200
							if (requests.incrementAndGet() % 200 == 0) {
								clock.advance(Duration.ofMinutes(2));
							}
						})) {
			service.tokenService().lifetime(Duration.ofMinutes(7));
			StsPublisher.Report report = adapter.publishAll();
			assertThat(report.quarantined()).isZero();
			assertThat(service.tokenService().issued()).isGreaterThanOrEqualTo(3);
			assertThat(service.refusedCalls()).isEmpty();
			assertThat(service.verifiedCalls()).isEqualTo(adapter.client().calls());
		}
	}

	@Test
	void aThousandCallsInFlightShareOneTokenFetch() throws Exception {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates);
				StsClient client = new StsClient(StsSamples.secureSettings(service, m, this.dir), clock, null)) {
			TokenCache tokens = client.tokens();
			ExecutorService pool = Executors.newFixedThreadPool(1000);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<SamlToken>> calls = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					calls.add(pool.submit(() -> {
						start.await();
						return tokens.get();
					}));
				}
				start.countDown();
				SamlToken first = calls.get(0).get(30, TimeUnit.SECONDS);
				for (Future<SamlToken> call : calls) {
					assertThat(call.get(30, TimeUnit.SECONDS)).isSameAs(first);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(service.tokenService().issued()).isEqualTo(1);
			assertThat(tokens.fetches()).isEqualTo(1);
		}
	}

	/**
	 * Runs a full publish expecting it to stop with {@code reason}; nothing stored,
	 * nothing quarantined.
	 */
	private void refused(LocalStsService service, StsSettings settings, String reason, String detail) {
		MutableClock clock = StsSamples.clock();
		SentLedger ledger = new SentLedger(StsSamples.database(), clock);
		try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings, ledger, clock, () -> state)) {
			assertThatThrownBy(adapter::publishAll).isInstanceOfSatisfying(StsFailure.class, f -> {
				assertThat(f.kind()).as(f.getMessage()).isEqualTo(reason);
				assertThat(f.isTemporary()).isFalse();
			}).hasMessageContaining(detail);
		}
		assertThat(service.registry().count(Kind.ENHED)).as("nothing half-sent").isZero();
		assertThat(service.registry().count(Kind.ADRESSE)).isZero();
		assertThat(ledger.hashes()).isEmpty();
		assertThat(ledger.quarantined()).isEmpty();
	}

	@Test
	void noServiceAgreementIsATokenRefusal() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			service.tokenService().disagree(StsSamples.organisation(m).cvr(), LocalStsService.ENTITY_ID);
			refused(service, StsSamples.secureSettings(service, m, this.dir), Reason.TOKEN_REFUSED.label(),
					"no service agreement for CVR " + StsSamples.organisation(m).cvr());
		}
	}

	@Test
	void aTokenForAnotherCvrOrAudienceIsNotUsed() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			service.tokenService().issueForCvr("11111111");
			refused(service, StsSamples.secureSettings(service, m, this.dir), Reason.INVALID_TOKEN.label(),
					"for the CVR number 11111111");
			service.tokenService().issueForCvr(null).issueForAudience("http://stoettesystemerne.dk/service/other/1");
			refused(service, StsSamples.secureSettings(service, m, this.dir.resolve("2")), Reason.INVALID_TOKEN.label(),
					"for the audience http://stoettesystemerne.dk/service/other/1");
		}
	}

	@Test
	void anUntrustedTokenServiceSignatureIsRefused() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			service.tokenService()
				.signWith(LocalCertificates.selfSigned("CN=Impostor", clock.instant().minus(Duration.ofDays(1)),
						clock.instant().plus(Duration.ofDays(30))));
			refused(service, StsSamples.secureSettings(service, m, this.dir), Reason.UNTRUSTED_SIGNATURE.label(),
					"not signed by the trusted token service");
		}
	}

	@Test
	void anExpiredClientCertificateStopsBeforeAnyCall() {
		MutableClock clock = StsSamples.clock();
		Credential expired = LocalCertificates.issue(certificates.ca(), "CN=Expired,O=Municipality",
				clock.instant().minus(Duration.ofDays(400)), clock.instant().minus(Duration.ofDays(1)));
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			char[] password = LocalCertificates.password();
			LocalCertificates.Files files = new LocalCertificates.Set(certificates.ca(), expired,
					certificates.tokenService(), certificates.service())
				.write(this.dir, password);
			refused(service, StsSamples.secureSettings(service, m, files, new String(password)),
					Reason.CERTIFICATE_EXPIRED.label(), "expired on");
			assertThat(service.tokenService().issued() + service.tokenService().refused()).as("no request").isZero();
		}
	}

	@Test
	void aKeyThatIsNotTheCertificatesIsRefused() {
		MutableClock clock = StsSamples.clock();
		Credential other = LocalCertificates.issue(certificates.ca(), "CN=Other,O=Municipality",
				clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(30)));
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			char[] password = LocalCertificates.password();
			// our certificate with another key: the token service cannot verify the
			// request
			LocalCertificates.Files files = new LocalCertificates.Set(certificates.ca(),
					new Credential(other.key(), certificates.client().certificate()), certificates.tokenService(),
					certificates.service())
				.write(this.dir, password);
			refused(service, StsSamples.secureSettings(service, m, files, new String(password)),
					Reason.TOKEN_REFUSED.label(), "signature");
		}
	}

	@Test
	void aTamperedBodyIsRefusedByTheService() {
		MutableClock clock = StsSamples.clock();
		Tamper tamper = new Tamper();
		Bus bus = BusFactory.getDefaultBus();
		bus.getOutInterceptors().add(tamper);
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			refused(service, StsSamples.secureSettings(service, m, this.dir), Reason.SIGNATURE_REFUSED.label(),
					"FailedCheck");
			assertThat(service.refusedCalls()).containsKey("FailedCheck");
			assertThat(tamper.tampered.get()).isPositive();
		}
		finally {
			bus.getOutInterceptors().remove(tamper);
		}
	}

	@Test
	void anUnsignedOrForgedAnswerIsNotTrusted() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			service.signAnswers(false);
			MutableClock c = StsSamples.clock();
			try (StsClient client = new StsClient(StsSamples.secureSettings(service, m, this.dir), c, null)) {
				assertThatThrownBy(() -> client.laes(StsKind.ENHED, UUID.randomUUID()))
					.isInstanceOfSatisfying(StsFailure.class,
							f -> assertThat(f.kind()).isEqualTo(Reason.UNTRUSTED_SIGNATURE.label()))
					.hasMessageContaining("not signed");
				service.signAnswers(true);
				assertThat(client.laes(StsKind.ENHED, UUID.randomUUID())).isEmpty();
			}
		}
	}

	@Test
	void withoutSecurityTheSecureServiceRefusesTheCall() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates);
				StsClient client = new StsClient(StsSamples.settings(service, m), clock, null)) {
			assertThatThrownBy(() -> client.laes(StsKind.ENHED, UUID.randomUUID())).isInstanceOf(StsFailure.class)
				.hasMessageContaining("not signed");
			assertThat(service.refusedCalls()).containsEntry("InvalidSecurity", 1L);
			assertThat(service.registry().snapshot()).hasSize(1);
		}
	}

	@Test
	void theConnectionTestNamesTheStepThatFailed() {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.secureService(m, clock, certificates)) {
			StsSettings settings = StsSamples.secureSettings(service, m, this.dir);
			try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings,
					new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
				adapter.testConnection();
			}
			StsSettings otherOrganisation = new StsSettings(settings.baseUrl(), UUID.randomUUID(), settings.cvr(), null,
					settings.connectTimeout(), settings.receiveTimeout(), 4, 1, settings.initialBackoff(),
					settings.maxBackoff(), settings.registrationLag(), false, settings.exportedVisibilities(),
					settings.itSystem(), settings.classes(), settings.security(), 10, false);
			try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(otherOrganisation,
					new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
				assertThatThrownBy(adapter::testConnection).hasMessageContaining("step 'laes Organisation'")
					.hasMessageContaining("holds no Organisation " + otherOrganisation.organisationUuid());
			}
			service.tokenService().disagree(StsSamples.organisation(m).cvr(), LocalStsService.ENTITY_ID);
			try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings,
					new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
				assertThatThrownBy(adapter::testConnection).hasMessageContaining("step 'token'")
					.hasMessageContaining("no service agreement for CVR");
			}
		}
	}

	/** Changes a name in each signed call after it was signed. */
	static final class Tamper extends AbstractPhaseInterceptor<Message> {

		final AtomicLong tampered = new AtomicLong();

		Tamper() {
			super(Phase.PRE_STREAM);
			// nearer the wire than the signing, so it changes the signed bytes
			addBefore(SignedCallInterceptors.Sign.class.getName());
		}

		@Override
		public void handleMessage(Message message) {
			if (!MessageUtils.isRequestor(message)) {
				return;
			}
			OutputStream wire = message.getContent(OutputStream.class);
			message.setContent(OutputStream.class, new ByteArrayOutputStream() {

				@Override
				public void close() throws IOException {
					String xml = toString(StandardCharsets.UTF_8);
					String changed = xml.replaceFirst("<([a-zA-Z0-9]+:)?UUIDIdentifikator>[^<]+<",
							"<$1UUIDIdentifikator>" + UUID.randomUUID() + "<");
					if (!changed.equals(xml)) {
						Tamper.this.tampered.incrementAndGet();
					}
					wire.write(changed.getBytes(StandardCharsets.UTF_8));
					wire.close();
				}
			});
		}

	}

}
