package dk.orghub.routes.run;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.routes.sync.ImportSync;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.SyncRegistry;
import dk.orghub.routes.sync.TargetSync;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * One Camel route per sync, {@code sync-<name>} from {@code direct:sync-<name>}: every
 * run of the sync (scheduled, manual, a preview, an approval, a retry, a change) goes
 * through it, so the route's statistics cover them all. The body is the run
 * ({@link RunState}); each step is a stage bean with its id ({@code sync-<name>-<stage>},
 * see {@link Step}), and a stage that records the run's end skips the stages after it. A
 * failure of any stage goes to the route's error handler, which records the run as failed
 * ({@code sync-<name>-failed}); the quarantine step of each kind takes the objects the
 * run could not write.
 */
class SyncRunRoutes extends RouteBuilder {

	/** A run that no stage has ended goes on. */
	private static final Predicate GOES_ON = (exchange) -> exchange.getIn().getBody(RunState.class).goesOn();

	/**
	 * An import reads another batch while the change feed has more and the run goes on.
	 */
	private static final Predicate BATCHES_LEFT = (
			exchange) -> exchange.getIn().getBody(ImportStages.State.class).batchesLeft();

	private final SyncRegistry registry;

	private final RunSkeleton skeleton;

	private final ImportStages imports;

	private final InboxStages inboxes;

	private final TargetStages targets;

	SyncRunRoutes(SyncRegistry registry, RunSkeleton skeleton, ImportStages imports, InboxStages inboxes,
			TargetStages targets) {
		this.registry = registry;
		this.skeleton = skeleton;
		this.imports = imports;
		this.inboxes = inboxes;
		this.targets = targets;
	}

	static String routeId(String sync) {
		return "sync-" + sync;
	}

	static String uri(String sync) {
		return "direct:" + routeId(sync);
	}

	/** The id of a step of a sync's route. */
	static String stepId(String sync, Step step) {
		return routeId(sync) + "-" + step.id;
	}

	@Override
	public void configure() {
		for (Sync sync : this.registry.all()) {
			if (sync instanceof InboxSync) {
				inbox(sync.name(), route(sync));
			}
			else if (sync instanceof ImportSync) {
				importing(sync.name(), route(sync));
			}
			else if (sync instanceof TargetSync) {
				target(sync.name(), route(sync));
			}
		}
	}

	/** The route's start and its error handler, the same for every kind. */
	private RouteDefinition route(Sync sync) {
		String name = sync.name();
		// failures are the run's: recorded by its error handler, not logged as Camel's
		RouteDefinition route = from(uri(name)).routeId(routeId(name))
			.routeDescription(sync.kind() + " " + sync.adapter().name() + ": every run of the sync")
			.errorHandler(defaultErrorHandler().logExhausted(false));
		route.onException(AdapterException.class)
			.onWhen(method(this.skeleton, "passesOn"))
			.handled(false)
			.bean(this.skeleton, "withdraw")
			.id(stepId(name, Step.WITHDRAW))
			.end();
		route.onException(Exception.class)
			.handled(true)
			.bean(this.skeleton, "failed")
			.id(stepId(name, Step.FAILED))
			.end();
		return route;
	}

	/**
	 * Read, rules, plan, check, thresholds, log, quarantine: batch by batch while a
	 * change feed has more.
	 */
	private void importing(String name, RouteDefinition route) {
		route.loopDoWhile(BATCHES_LEFT)
			.id(stepId(name, Step.BATCHES))
			.bean(this.imports, "read")
			.id(stepId(name, Step.READ))
			.bean(this.imports, "rules")
			.id(stepId(name, Step.RULES))
			.bean(this.imports, "plan")
			.id(stepId(name, Step.PLAN))
			.bean(this.imports, "check")
			.id(stepId(name, Step.CHECK))
			.bean(this.imports, "thresholds")
			.id(stepId(name, Step.THRESHOLDS))
			.filter(GOES_ON)
			.id(stepId(name, Step.GATE_PASSED))
			.bean(this.imports, "log")
			.id(stepId(name, Step.LOG))
			.bean(this.imports, "quarantine")
			.id(stepId(name, Step.QUARANTINE))
			.end()
			.end()
			.filter(GOES_ON)
			.id(stepId(name, Step.STILL_RUNNING))
			.bean(this.imports, "record")
			.id(stepId(name, Step.RECORD))
			.end()
			.bean(this.skeleton, "finish")
			.id(stepId(name, Step.FINISH));
	}

	/**
	 * Take the file, read it, the rules, the source's plan, check (and write),
	 * thresholds, log, quarantine, the file's outcome to the source.
	 */
	private void inbox(String name, RouteDefinition route) {
		route.bean(this.inboxes, "take")
			.id(stepId(name, Step.TAKE))
			.filter(GOES_ON)
			.id(stepId(name, Step.STILL_RUNNING))
			.bean(this.inboxes, "read")
			.id(stepId(name, Step.READ))
			.bean(this.inboxes, "rules")
			.id(stepId(name, Step.RULES))
			.bean(this.inboxes, "plan")
			.id(stepId(name, Step.PLAN))
			.bean(this.inboxes, "check")
			.id(stepId(name, Step.CHECK))
			.bean(this.inboxes, "thresholds")
			.id(stepId(name, Step.THRESHOLDS))
			.end()
			.filter(GOES_ON)
			.id(stepId(name, Step.GATE_PASSED))
			.bean(this.inboxes, "log")
			.id(stepId(name, Step.LOG))
			.bean(this.inboxes, "quarantine")
			.id(stepId(name, Step.QUARANTINE))
			.bean(this.inboxes, "done")
			.id(stepId(name, Step.DONE))
			.bean(this.inboxes, "record")
			.id(stepId(name, Step.RECORD))
			.end()
			.bean(this.skeleton, "finish")
			.id(stepId(name, Step.FINISH));
	}

	/** Plan, thresholds, send, log, follow the target's quarantine. */
	private void target(String name, RouteDefinition route) {
		route.bean(this.targets, "plan")
			.id(stepId(name, Step.PLAN))
			.bean(this.targets, "thresholds")
			.id(stepId(name, Step.THRESHOLDS))
			.filter(GOES_ON)
			.id(stepId(name, Step.GATE_PASSED))
			.bean(this.targets, "send")
			.id(stepId(name, Step.SEND))
			.bean(this.targets, "log")
			.id(stepId(name, Step.LOG))
			.bean(this.targets, "quarantine")
			.id(stepId(name, Step.QUARANTINE))
			.bean(this.targets, "record")
			.id(stepId(name, Step.RECORD))
			.end()
			.bean(this.skeleton, "finish")
			.id(stepId(name, Step.FINISH));
	}

	/** The steps of the sync routes, by the suffix of their ids. */
	enum Step {

		/** Imports: the loop over a change feed's batches. */
		BATCHES("batches"),
		/** Imports and inboxes: read the source (a snapshot, a batch, a file). */
		READ("read"),
		/**
		 * Imports and inboxes: the hub's business rules on what the source delivered
		 * (primary engagement, managers, line-unit lifting, subtree filters).
		 */
		RULES("rules"),
		/**
		 * Imports and inboxes: check the plan against the model's rules (and write it,
		 * when admitted).
		 */
		CHECK("check"),
		/** Inboxes: take the oldest waiting file. */
		TAKE("take"),
		/**
		 * Plan: imports (the reconciler), inboxes (the source plans the file) and
		 * targets.
		 */
		PLAN("plan"),
		/** The gate: preview, thresholds, approval. */
		THRESHOLDS("thresholds"),
		/**
		 * The filter that passes a run the gate let through, to the stages that write.
		 */
		GATE_PASSED("gate-passed"),
		/**
		 * The filter that passes a run no stage has ended (after a file is taken, after
		 * the batches).
		 */
		STILL_RUNNING("still-running"),
		/**
		 * Inboxes: tell the source the file's outcome (it moves the file to done or
		 * error).
		 */
		DONE("done"),
		/** Targets: send. */
		SEND("send"),
		/** The run's log. */
		LOG("log"),
		/** The dead letters: objects the run could not write. */
		QUARANTINE("quarantine"),
		/** The run's record with its counts. */
		RECORD("record"),
		/** Release the lock, count, log a line. */
		FINISH("finish"),
		/** The error handler: the run failed. */
		FAILED("failed"),
		/** The error handler: a failure that goes up to the caller. */
		WITHDRAW("withdraw");

		final String id;

		Step(String id) {
			this.id = id;
		}

	}

}
