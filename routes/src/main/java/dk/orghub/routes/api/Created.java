package dk.orghub.routes.api;

import java.net.URI;

import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Versioned;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The answer to a local edit that created an object: 201 with its address and version.
 */
final class Created {

	private Created() {
	}

	/**
	 * @param path the object's path under the context, with {@code {uuid}}
	 * @param created the version the edit stored
	 */
	static <T extends OrgObject> ResponseEntity<VersionJson<T>> at(String path, Versioned<T> created) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(path)
			.buildAndExpand(created.value().uuid())
			.toUri();
		return ResponseEntity.created(location).body(VersionJson.of(created));
	}

}
