package dk.orghub.samples.sd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class SdStubTest {

	static Municipality municipality;

	static SdStub stub;

	final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		municipality = MunicipalityGenerator.generate(20070101L, 200);
		stub = SdStub.start(municipality, "sd-user", "secret", "XY");
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void refusesRequestsWithoutTheRightCredentialsOrInstitution() throws Exception {
		assertThat(get("GetDepartment20111201?InstitutionIdentifier=XY", "sd-user:wrong").statusCode()).isEqualTo(401);
		assertThat(get("GetDepartment20111201?InstitutionIdentifier=ZZ", "sd-user:secret").statusCode()).isEqualTo(400);
		assertThat(get("Nothing?InstitutionIdentifier=XY", "sd-user:secret").statusCode()).isEqualTo(404);
	}

	@Test
	void servesDepartmentsOrganizationAndEmployments() throws Exception {
		String departments = get("GetDepartment20111201?InstitutionIdentifier=XY", "sd-user:secret").body();
		assertThat(departments).contains("<DepartmentLevelIdentifier>NY1-niveau</DepartmentLevelIdentifier>");
		assertThat(departments.split("<Department>", -1).length - 1)
			.isGreaterThanOrEqualTo(municipality.units().size());
		String organization = get("GetOrganization20111201?InstitutionIdentifier=XY&ActivationDate=01.01.2025",
				"sd-user:secret")
			.body();
		assertThat(organization).contains("<DepartmentReference><DepartmentIdentifier>");
		String employments = get("GetEmploymentChanged20111201?InstitutionIdentifier=XY", "sd-user:secret").body();
		assertThat(employments).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><GetEmploymentChanged20111201>")
			.doesNotContain("\n");
		assertThat(employments.split("<Employment>", -1).length - 1).isEqualTo(municipality.engagements().size());
		assertThat(employments).contains("<EmploymentStatusCode>8</EmploymentStatusCode>");
		String oneDate = get("GetEmployment20111201?InstitutionIdentifier=XY&EffectiveDate=01.01.2025",
				"sd-user:secret")
			.body();
		int started = (int) municipality.engagements()
			.values()
			.stream()
			.filter(t -> !t.coverage().get(0).from().isAfter(LocalDate.of(2025, 1, 1)))
			.count();
		assertThat(oneDate.split("<Employment>", -1).length - 1).as("employments started by then").isEqualTo(started);
		assertThat(oneDate.split("<EmploymentStatus>", -1).length - 1).as("one status record each on one date")
			.isEqualTo(started);
	}

	@Test
	void namesTheParentOfAUnitAndTheInstitutionForATopUnit() throws Exception {
		var top = municipality.units()
			.values()
			.stream()
			.map(t -> t.latest().orElseThrow())
			.filter(u -> u.parent() == null)
			.findFirst()
			.orElseThrow();
		var child = municipality.units()
			.values()
			.stream()
			.map(t -> t.latest().orElseThrow())
			.filter(u -> top.uuid().equals(u.parent()))
			.findFirst()
			.orElseThrow();
		String organization = get("GetOrganization20111201?InstitutionIdentifier=XY&ActivationDate=01.01.2025",
				"sd-user:secret")
			.body();
		String institution = organization.replaceFirst(".*<InstitutionUUIDIdentifier>([^<]+)<.*", "$1");
		assertThat(get("GetDepartmentParent20190701?InstitutionIdentifier=XY&EffectiveDate=01.01.2025"
				+ "&DepartmentUUIDIdentifier=" + child.uuid(), "sd-user:secret")
			.body()).contains("<DepartmentParent><DepartmentUUIDIdentifier>" + top.uuid());
		assertThat(get("GetDepartmentParent20190701?InstitutionIdentifier=XY&EffectiveDate=01.01.2025"
				+ "&DepartmentUUIDIdentifier=" + top.uuid(), "sd-user:secret")
			.body()).contains("<DepartmentParent><DepartmentUUIDIdentifier>" + institution);
	}

	@Test
	void reportsWhatChangedOnADate() throws Exception {
		var engagements = new LinkedHashMap<UUID, Timeline<Engagement>>(municipality.engagements());
		var entry = engagements.entrySet().iterator().next();
		Timeline<Engagement> ended = entry.getValue()
			.remove(Validity.from(LocalDate.of(2025, 3, 1)))
			.put(Validity.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)),
					entry.getValue().at(LocalDate.of(2025, 1, 1)).orElseThrow());
		engagements.put(entry.getKey(), ended);
		Municipality changed = new Municipality(municipality.seed(), municipality.employees(),
				municipality.referenceDate(), municipality.organisation(), municipality.units(), municipality.persons(),
				engagements, municipality.managers(), municipality.addresses(), municipality.kle());
		SdStub own = SdStub.start(municipality, "u", "p", "XY");
		try {
			own.update(changed, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 1));
			String datedAhead = send(own.baseUri()
				.resolve(
						"GetEmploymentChangedAtDate20111201?InstitutionIdentifier=XY&ActivationDate=10.02.2025&DeactivationDate=10.02.2025&FutureInformationIndicator=false"),
					"u:p")
				.body();
			assertThat(datedAhead).as("a change dated ahead, asked without FutureInformationIndicator")
				.doesNotContain("<Person>");
			String body = send(own.baseUri()
				.resolve(
						"GetEmploymentChangedAtDate20111201?InstitutionIdentifier=XY&ActivationDate=10.02.2025&DeactivationDate=10.02.2025&FutureInformationIndicator=true"),
					"u:p")
				.body();
			assertThat(body.split("<Person>", -1)).hasSize(2);
			assertThat(body).contains("<DeactivationDate>2025-02-28</DeactivationDate>");
			String none = send(own.baseUri()
				.resolve(
						"GetEmploymentChangedAtDate20111201?InstitutionIdentifier=XY&ActivationDate=11.02.2025&DeactivationDate=12.02.2025"),
					"u:p")
				.body();
			assertThat(none).doesNotContain("<Person>");
		}
		finally {
			own.close();
		}
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return send(stub.baseUri().resolve(path), credentials);
	}

	private HttpResponse<String> send(URI uri, String credentials) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
