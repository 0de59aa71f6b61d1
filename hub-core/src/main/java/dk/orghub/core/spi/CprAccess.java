package dk.orghub.core.spi;

/**
 * The application's one decision on who reads CPR numbers and what derives from them (age
 * band, sex), and its audit of every such read, for an adapter's endpoints and runs that
 * show them.
 */
public interface CprAccess {

	/**
	 * Refuses the request unless the caller may read CPR numbers, when the bound value of
	 * {@code parameter} asks for them.
	 * @param parameter the request parameter, for the message
	 * @param wanted its bound value
	 * @throws RuntimeException (the application answers 403) when wanted and not allowed
	 */
	void check(String parameter, boolean wanted);

	/**
	 * Records a response or a file that carried CPR numbers, or what derives from them.
	 * @param what the request, e.g. {@code GET /api/v1/exports/survey with ageBand}
	 * @param count how many persons (or rows) it showed them for
	 */
	void record(String what, long count);

}
