package dk.orghub.routes.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may edit which unit at which date, on a real store: a municipality with two
 * departments, A and B, and a team that belongs to A until 1 June 2025 and to B from then
 * on.
 */
class EditScopeTest {

	private static final LocalDate BEFORE_MOVE = LocalDate.of(2025, 3, 1);

	private static final LocalDate MOVE = LocalDate.of(2025, 6, 1);

	private static final LocalDate AFTER_MOVE = LocalDate.of(2025, 9, 1);

	private final UUID root = UUID.randomUUID();

	private final UUID a = UUID.randomUUID();

	private final UUID b = UUID.randomUUID();

	private final UUID team = UUID.randomUUID();

	private final UUID later = UUID.randomUUID();

	private EditScope scope;

	@BeforeEach
	void aMunicipalityWithATeamThatMoves() {
		JdbcOrgStore store = new JdbcOrgStore(OpsDatabase.migrated(), Clock.systemUTC());
		UUID type = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling");
		LocalDate start = LocalDate.of(2020, 1, 1);
		store.apply(ChangeSet.by(Actor.source("payroll"))
			.put(unit(this.root, "kommune", null, type), Validity.from(start))
			.put(unit(this.a, "a", this.root, type), Validity.from(start))
			.put(unit(this.b, "b", this.root, type), Validity.from(start))
			.put(unit(this.team, "team", this.a, type), Validity.between(start, MOVE))
			.put(unit(this.team, "team", this.b, type), Validity.from(MOVE))
			.put(unit(this.later, "later", this.a, type), Validity.from(AFTER_MOVE))
			.build());
		this.scope = new EditScope(store,
				Map.of("editor-a", Set.of(this.a), "editor-b", Set.of(this.b), "editor-ab", Set.of(this.a, this.b)),
				Clock.systemUTC());
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anEditorEditsItsUnitsAndWhatLiesBelowThem() {
		Authentication editor = login("editor-a", Role.EDIT);

		assertThat(this.scope.allows(editor, BEFORE_MOVE, this.a)).isTrue();
		assertThat(this.scope.allows(editor, BEFORE_MOVE, this.team)).isTrue();
		assertThat(this.scope.allows(editor, BEFORE_MOVE, this.b)).as("a sibling").isFalse();
		assertThat(this.scope.allows(editor, BEFORE_MOVE, this.root)).as("the unit above").isFalse();
		assertThat(this.scope.allows(editor, BEFORE_MOVE, UUID.randomUUID())).as("no such unit").isFalse();
		assertThat(this.scope.allows(editor, BEFORE_MOVE, this.later)).as("a unit that does not exist yet").isFalse();
		assertThat(this.scope.allows(editor, AFTER_MOVE, this.later)).isTrue();
	}

	@Test
	void aUnitThatMovesOutOfTheSubtreeIsEditableOnlyBeforeTheMove() {
		Authentication editorA = login("editor-a", Role.EDIT);
		Authentication editorB = login("editor-b", Role.EDIT);

		assertThat(this.scope.allows(editorA, MOVE.minusDays(1), this.team)).isTrue();
		assertThat(this.scope.allows(editorA, MOVE, this.team)).as("moved out").isFalse();
		assertThat(this.scope.allows(editorA, AFTER_MOVE, this.team)).isFalse();
		assertThat(this.scope.allows(editorB, MOVE.minusDays(1), this.team)).as("not moved in yet").isFalse();
		assertThat(this.scope.allows(editorB, MOVE, this.team)).as("moved in").isTrue();
	}

	@Test
	void aMoveNeedsBothTheOldAndTheNewParent() {
		SecurityContextHolder.getContext().setAuthentication(login("editor-a", Role.EDIT));
		assertThatThrownBy(() -> this.scope.check(BEFORE_MOVE, this.a, this.b))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining(this.b.toString());
		assertThatThrownBy(() -> this.scope.check(BEFORE_MOVE, this.b, this.a))
			.isInstanceOf(AccessDeniedException.class);

		SecurityContextHolder.getContext().setAuthentication(login("editor-ab", Role.EDIT));
		assertThatNoException().isThrownBy(() -> this.scope.check(BEFORE_MOVE, this.a, this.b));
	}

	@Test
	void readersAndOperatorsEditNothingAndAnAdministratorOrAnUnlimitedEditorEverything() {
		for (Role role : List.of(Role.READ, Role.OPERATE)) {
			Authentication login = login("someone", role);
			assertThat(this.scope.allows(login, BEFORE_MOVE, this.team)).as(role.name()).isFalse();
			assertThat(this.scope.units(login)).as(role.name()).isEmpty();
		}
		assertThat(this.scope.allows(login("editor-a", Role.READ), BEFORE_MOVE, this.team))
			.as("the units of a user who lost the role edit")
			.isFalse();
		for (Authentication login : List.of(login("admin", Role.ADMINISTER), login("editor", Role.EDIT))) {
			assertThat(this.scope.allows(login, BEFORE_MOVE, this.root)).as(login.getName()).isTrue();
			assertThat(this.scope.units(login)).as(login.getName()).contains(List.of());
		}
		assertThat(this.scope.units(login("editor-a", Role.EDIT))).contains(List.of(this.a));
		assertThat(this.scope.allows(null, BEFORE_MOVE, this.team)).isFalse();
	}

	@Test
	void anOidcEditorEditsUnderTheUnitsOfItsClaimAndWithAnEmptyClaimNowhere() {
		Authentication claimedA = oidcLogin("olga", this.a.toString());
		assertThat(this.scope.allows(claimedA, BEFORE_MOVE, this.team)).isTrue();
		assertThat(this.scope.allows(claimedA, BEFORE_MOVE, this.b)).isFalse();
		assertThat(this.scope.units(claimedA)).contains(List.of(this.a));

		Authentication claimedNothing = oidcLogin("pia", "skoleleder");
		assertThat(this.scope.allows(claimedNothing, BEFORE_MOVE, this.team))
			.as("a claim without a unit never widens to everything")
			.isFalse();
		assertThat(this.scope.units(claimedNothing)).isEmpty();

		Authentication sameNameAsALocalUser = oidcLogin("editor-b", this.a.toString());
		assertThat(this.scope.allows(sameNameAsALocalUser, BEFORE_MOVE, this.team))
			.as("the claim decides, not a local user of the same name")
			.isTrue();
		assertThat(this.scope.allows(sameNameAsALocalUser, BEFORE_MOVE, this.b)).isFalse();
	}

	/** A login as the OIDC mapping makes it, with the role edit and a units claim. */
	private static Authentication oidcLogin(String name, String unitsClaim) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				SecurityConfiguration.authorities(EnumSet.of(Role.EDIT), Map.of("org_units", unitsClaim), "org_units"));
	}

	@Test
	void noLoginIsRefused() {
		assertThatThrownBy(() -> this.scope.check(BEFORE_MOVE, this.team)).isInstanceOf(AccessDeniedException.class);
	}

	private static Authentication login(String name, Role role) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				SecurityConfiguration.authorities(EnumSet.of(role)));
	}

	private static OrgUnit unit(java.util.UUID uuid, String key, java.util.UUID parent, java.util.UUID type) {
		return new OrgUnit(uuid, key, "Enhed " + key, parent, type, null, null);
	}

}
