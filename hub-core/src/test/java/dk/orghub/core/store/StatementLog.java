package dk.orghub.core.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * A data source that notes the SQL of every statement prepared on its connections, to see
 * which reads the store makes.
 */
final class StatementLog {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	private final DataSource dataSource;

	StatementLog(DataSource database) {
		this.dataSource = proxy(DataSource.class, database, (method, args) -> {
			Object result = method.invoke(database, args);
			return (result instanceof Connection c) ? connection(c) : result;
		});
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/** The statements prepared so far, oldest first. */
	List<String> statements() {
		return List.copyOf(this.statements);
	}

	private Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (method, args) -> {
			if (method.getName().equals("prepareStatement")) {
				this.statements.add((String) args[0]);
			}
			return method.invoke(connection, args);
		});
	}

	private interface Call {

		Object invoke(Method method, Object[] args) throws ReflectiveOperationException;

	}

	private static <T> T proxy(Class<T> type, T target, Call call) {
		return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type },
				(p, method, args) -> {
					try {
						return call.invoke(method, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}));
	}

}
