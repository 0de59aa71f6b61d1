package dk.orghub.routes.classes;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Facet;
import dk.orghub.core.model.Klasse;
import dk.orghub.routes.config.HubProperties.ExtraClass;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPlanTest {

	private final List<Facet> facets = DefaultClasses.facets();

	private final List<Klasse> classes = DefaultClasses.classes();

	@Test
	void aNewClassIsAddedWithANameBasedUuid() {
		ClassPlan plan = ClassPlan.of(List.of(new ExtraClass("address_type", "SMS", "SMS number", AddressScope.PHONE),
				new ExtraClass("job_function", "Bibliotekar", "Bibliotekar", null)), this.facets, this.classes);

		assertThat(plan.errors()).isEmpty();
		assertThat(plan.missing()).containsExactly(
				new Klasse(DefaultClasses.classUuid("address_type", "SMS"), "SMS",
						DefaultClasses.facetUuid("address_type"), "SMS number", "PHONE"),
				new Klasse(DefaultClasses.classUuid("job_function", "Bibliotekar"), "Bibliotekar",
						DefaultClasses.facetUuid("job_function"), "Bibliotekar", null));
	}

	@Test
	void aClassAlreadyThereIsLeftAsItIs() {
		ClassPlan plan = ClassPlan.of(List.of(new ExtraClass("address_type", "EAN", "Another title", AddressScope.EAN)),
				this.facets, this.classes);

		assertThat(plan.errors()).isEmpty();
		assertThat(plan.missing()).isEmpty();
	}

	@Test
	void anUnknownFacetIsNamed() {
		ClassPlan plan = ClassPlan.of(List.of(new ExtraClass("colours", "RED", "Red", null)), this.facets,
				this.classes);

		assertThat(plan.missing()).isEmpty();
		assertThat(plan.errors()).singleElement()
			.asString()
			.contains("hub.classes[0].facet", "'colours'", "address_type");
	}

	@Test
	void anAddressTypeNeedsAScopeAndOtherClassesHaveNone() {
		ClassPlan plan = ClassPlan.of(
				List.of(new ExtraClass("address_type", "FAX", "Fax", null),
						new ExtraClass("job_function", "Bibliotekar", "Bibliotekar", AddressScope.TEXT)),
				this.facets, this.classes);

		assertThat(plan.missing()).isEmpty();
		assertThat(plan.errors()).hasSize(2);
		assertThat(plan.errors().get(0)).startsWith("hub.classes[0].scope");
		assertThat(plan.errors().get(1)).startsWith("hub.classes[1].scope");
	}

	@Test
	void aClassConfiguredTwiceIsAnError() {
		ExtraClass sms = new ExtraClass("address_type", "SMS", "SMS number", AddressScope.PHONE);

		ClassPlan plan = ClassPlan.of(List.of(sms, sms), this.facets, this.classes);

		assertThat(plan.missing()).hasSize(1);
		assertThat(plan.errors()).singleElement().asString().startsWith("hub.classes[1].user-key");
	}

}
