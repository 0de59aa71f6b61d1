package dk.orghub.routes.audit;

import dk.orghub.core.store.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit of manual actions. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Every manual action: who, what, when.")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Manual actions, newest first")
	Page<AuditLog.AuditEntry> list(@RequestParam(required = false) String actor,
			@RequestParam(defaultValue = "0") @Min(0) int offset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.audit.list(actor, offset, limit);
	}

}
