package dk.orghub.adapters.ad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.ldap.BasicControl;
import javax.naming.ldap.Control;

import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextProcessor;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.core.support.AggregateDirContextProcessor;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.control.AbstractRequestControlDirContextProcessor;
import org.springframework.ldap.control.PagedResultsDirContextProcessor;

/**
 * The LDAP connection of the directory source (Spring LDAP over JNDI): paged subtree
 * searches on one bound connection per run, with connect and read timeouts. Errors come
 * out as Spring LDAP's exceptions; {@link DirectoryErrors} turns them into the SPI's.
 */
final class Directory {

	/** AD's LDAP_SERVER_SHOW_DELETED_OID: lets a search see tombstones. */
	static final String SHOW_DELETED_OID = "1.2.840.113556.1.4.417";

	private final AdConfiguration config;

	private final LdapContextSource contextSource;

	Directory(AdConfiguration config) {
		this.config = config;
		LdapContextSource source = new LdapContextSource();
		source.setUrl(config.url().trim());
		source.setUserDn(config.bindDn());
		source.setPassword(config.password());
		source.setPooled(false);
		Map<String, Object> environment = new HashMap<>();
		environment.put("com.sun.jndi.ldap.connect.timeout", Long.toString(config.connectTimeout().toMillis()));
		environment.put("com.sun.jndi.ldap.read.timeout", Long.toString(config.readTimeout().toMillis()));
		environment.put("java.naming.referral", "ignore");
		if (config.mode() == AdConfiguration.Mode.AD) {
			environment.put("java.naming.ldap.attributes.binary", "objectGUID");
		}
		source.setBaseEnvironmentProperties(environment);
		source.afterPropertiesSet();
		this.contextSource = source;
	}

	/** Runs {@code work} on one bound connection, closed afterwards. */
	<T> T session(Function<Session, T> work) {
		return SingleContextSource.doWithSingleContext(this.contextSource,
				operations -> work.apply(new Session(operations)));
	}

	/** Searches on one connection. */
	final class Session {

		private final LdapOperations operations;

		private Session(LdapOperations operations) {
			this.operations = operations;
		}

		/**
		 * Every entry under {@code base} matching {@code filter}, page by page; entries
		 * the mapper returns {@code null} for are left out.
		 */
		<T> List<T> search(String base, String filter, String[] attributes, boolean showDeleted,
				EntryMapper<T> mapper) {
			SearchControls controls = new SearchControls();
			controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
			controls.setReturningAttributes(attributes);
			controls.setTimeLimit((int) Math.min(Integer.MAX_VALUE, Directory.this.config.readTimeout().toMillis()));
			PagedResultsDirContextProcessor paging = new PagedResultsDirContextProcessor(
					Directory.this.config.pageSize());
			DirContextProcessor processor = paging;
			if (showDeleted) {
				AggregateDirContextProcessor both = new AggregateDirContextProcessor();
				both.addDirContextProcessor(paging);
				both.addDirContextProcessor(new ShowDeleted());
				processor = both;
			}
			List<T> result = new ArrayList<>();
			do {
				List<T> page = this.operations.search(base, filter, controls, (Object context) -> {
					DirContextAdapter entry = (DirContextAdapter) context;
					return mapper.map(entry.getNameInNamespace(), new EntryAttributes(entry));
				}, processor);
				for (T item : page) {
					if (item != null) {
						result.add(item);
					}
				}
			}
			while (paging.hasMore());
			return result;
		}

		/** The attributes of the root DSE. */
		Map<String, List<String>> rootDse(String... attributes) {
			return this.operations.lookup("", attributes, (javax.naming.directory.Attributes found) -> {
				Map<String, List<String>> values = new HashMap<>();
				var all = found.getAll();
				while (all.hasMore()) {
					Attribute attribute = all.next();
					List<String> list = new ArrayList<>();
					for (int i = 0; i < attribute.size(); i++) {
						list.add(String.valueOf(attribute.get(i)));
					}
					values.put(attribute.getID().toLowerCase(Locale.ROOT), list);
				}
				return values;
			});
		}

		/** Whether an entry exists (a lookup of its DN). */
		void lookup(String dn) {
			this.operations.lookup(dn, new String[] { "objectClass" }, (javax.naming.directory.Attributes a) -> dn);
		}

	}

	/** Maps one entry. */
	@FunctionalInterface
	interface EntryMapper<T> {

		T map(String dn, AccountParser.Attributes attributes);

	}

	private static final class EntryAttributes implements AccountParser.Attributes {

		private final DirContextAdapter entry;

		EntryAttributes(DirContextAdapter entry) {
			this.entry = entry;
		}

		@Override
		public String string(String name) {
			Object value = this.entry.getObjectAttribute(name);
			if (value instanceof byte[] bytes) {
				return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
			}
			return (value != null) ? value.toString() : null;
		}

		@Override
		public byte[] bytes(String name) {
			Object value = this.entry.getObjectAttribute(name);
			if (value instanceof byte[] bytes) {
				return bytes;
			}
			return (value != null) ? value.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : null;
		}

	}

	private static final class ShowDeleted extends AbstractRequestControlDirContextProcessor {

		@Override
		public Control createRequestControl() {
			return new BasicControl(SHOW_DELETED_OID, false, null);
		}

		@Override
		public void postProcess(DirContext ctx) throws NamingException {
			// no response control
		}

	}

}
