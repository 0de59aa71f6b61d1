#!/bin/sh
# Makes a new adapter project from adapters/template, outside the hub's build:
#   adapters/new-adapter.sh <artifactId> <package> <AdapterName> [folder]
# e.g. adapters/new-adapter.sh acme-hr-adapter com.acme.hr AcmeHr
# makes ../acme-hr-adapter beside the checkout: an adapter named acme-hr (AdapterName in
# lower case with dashes) with the settings hub.sources.acme-hr.*, built with ./mvnw verify.
set -eu

usage() {
	echo "usage: $0 <artifactId> <package> <AdapterName> [folder]" >&2
	echo "  e.g. $0 acme-hr-adapter com.acme.hr AcmeHr" >&2
	exit 2
}
[ $# -ge 3 ] && [ $# -le 4 ] || usage
artifact=$1 package=$2 adapter=$3
case $artifact in '' | *[!a-z0-9-]* | -*) echo "artifactId: lower-case letters, digits and dashes" >&2; usage ;; esac
case $package in '' | *[!a-z0-9_.]* | .* | *. | *..* | [0-9_]*) echo "package: e.g. com.acme.hr" >&2; usage ;; esac
case $adapter in '' | *[!A-Za-z0-9]* | [!A-Z]*) echo "AdapterName: e.g. AcmeHr" >&2; usage ;; esac

hub=$(cd "$(dirname "$0")/.." && pwd)
target=${4:-$(cd "$hub/.." && pwd)/$artifact}
if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
	echo "$target exists and is not empty" >&2
	exit 1
fi
version=$(sed -n '/<artifactId>orghub-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' "$hub/pom.xml")
[ -n "$version" ] || { echo "cannot read the hub's version from $hub/pom.xml" >&2; exit 1; }
name=$(printf '%s' "$adapter" | sed 's/\([a-z0-9]\)\([A-Z]\)/\1-\2/g' | tr 'A-Z' 'a-z')
bean=$(printf '%s' "$adapter" | cut -c1 | tr 'A-Z' 'a-z')$(printf '%s' "$adapter" | cut -c2-)
case $package in *.*) group=${package%.*} ;; *) group=$package ;; esac

mkdir -p "$target"
cp -R "$hub/adapters/template/." "$target/"
rm -rf "$target/target"
mkdir -p "$target/.mvn/wrapper"
cp "$hub/mvnw" "$hub/mvnw.cmd" "$target/"
cp "$hub/.mvn/wrapper/maven-wrapper.properties" "$target/.mvn/wrapper/"
printf 'target/\n' >"$target/.gitignore"

# the package's folders, then the names in every file and file name
folder=$(printf '%s' "$package" | tr . /)
for root in "$target/src/main/java" "$target/src/test/java"; do
	mv "$root/org/example/vendoradapter" "$root/.template-package"
	rm -rf "$root/org"
	mkdir -p "$(dirname "$root/$folder")"
	mv "$root/.template-package" "$root/$folder"
done
find "$target" -type f ! -path "$target/.mvn/*" ! -name 'mvnw*' | while read -r file; do
	sed -e "s/org\.example\.vendoradapter/$package/g" \
		-e "s/<groupId>org\.example<\/groupId>/<groupId>$group<\/groupId>/" \
		-e "s/vendor-csv-adapter/$artifact/g" \
		-e "s/VendorCsv/$adapter/g" \
		-e "s/vendorCsv/$bean/g" \
		-e "s/vendor-csv/$name/g" \
		-e "s/0\.0\.0-HUB/$version/g" "$file" >"$file.new"
	mv "$file.new" "$file"
	case $(basename "$file") in
	*VendorCsv*) mv "$file" "$(dirname "$file")/$(basename "$file" | sed "s/VendorCsv/$adapter/")" ;;
	esac
done
chmod +x "$target/mvnw"
echo "made the adapter '$name' in $target (package $package, hub $version)"
echo "next: cd $target && ./mvnw verify"
