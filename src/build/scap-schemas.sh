#!/usr/bin/env bash
# Copies the official SCAP schemas stigsmith needs into BUILD_DIR/scap-schemas.
# The schemas are never committed: they come from the machine (OpenSCAP ships them) or, on
# Debian without them installed, from the openscap-common package unpacked without root.
#
# usage: scap-schemas.sh BUILD_DIR CATALOG [SOURCE_DIR]
#   SOURCE_DIR (or $STIGSMITH_SCAP_SCHEMAS) overrides the search.
set -euo pipefail

build_dir=${1:?build dir}
catalog=${2:?catalog.xml}
override=${3:-${STIGSMITH_SCAP_SCHEMAS:-}}
dest="$build_dir/scap-schemas"

# Relative paths under the schemas root; a line "a|b" means "a, or under Debian's name b".
needed=(
  common/xml.xsd common/xlink.xsd common/xmldsig-core-schema.xsd common/catalog.xsd
  xccdf/1.1/xccdf-schema.xsd xccdf/1.1/cpe-1.0.xsd xccdf/1.1/cpe-language_2.0.xsd
  xccdf/1.1/platform-0.2.3.xsd xccdf/1.1/simpledc20021212.xsd xccdf/1.1/xccdfp-1.1.xsd
  xccdf/1.2/xccdf_1.2.xsd xccdf/1.2/cpe-language_2.3.xsd xccdf/1.2/xccdf_1.2-schematron.xsl
  xccdf/1.2/XMLSchema.dtd xccdf/1.2/datatypes.dtd
  cpe/2.3/cpe-dictionary_2.3.xsd cpe/2.3/cpe-language_2.3.xsd cpe/2.3/cpe-naming_2.3.xsd
  ocil/2.0/ocil-2.0.xsd
  sds/1.3/scap-source-data-stream_1.3.xsd sds/1.3/source-data-stream-1.3.xsl
  arf/1.1/asset-reporting-format_1.1.0.xsd arf/1.1/asset-identification_1.1.0.xsd
  arf/1.1/reporting-core_1.1.0.xsd arf/1.1/xAL.xsd arf/1.1/xNL.xsd
  oval/5.11.2/oval-common-schema.xsd oval/5.11.2/oval-definitions-schema.xsd
  oval/5.11.2/oval-system-characteristics-schema.xsd oval/5.11.2/oval-results-schema.xsd
  oval/5.11.2/oval-variables-schema.xsd oval/5.11.2/oval-directives-schema.xsd
  oval/5.11.2/evaluation-ids.xsd
  oval/5.11.2/oval-definitions-schematron.xsl oval/5.11.2/oval-results-schematron.xsl
  oval/5.11.2/oval-variables-schematron.xsl
  "oval/5.11.2/oval-system-characteristics-schematron.xsl|oval/5.11.2/oval-system-characteristic-schematron.xsl"
)
# oval-definitions imports every platform schema, so all of them come along.
platforms=(aix android apache apple-ios asa catos esx freebsd hpux independent ios iosxe junos linux
  macos netconf pixos sharepoint solaris unix windows)
for p in "${platforms[@]}"; do
  needed+=("oval/5.11.2/$p-definitions-schema.xsd" "oval/5.11.2/$p-system-characteristics-schema.xsd")
done

has_all() {
  local root=$1 entry a b
  for entry in "${needed[@]}"; do
    a=${entry%%|*}; b=${entry#*|}
    [[ -f "$root/$a" || -f "$root/$b" ]] || return 1
  done
}

copy_from() {
  local root=$1 entry a b tmp="$dest.tmp"
  rm -rf "$tmp"
  for entry in "${needed[@]}"; do
    a=${entry%%|*}; b=${entry#*|}
    mkdir -p "$tmp/$(dirname "$a")"
    if [[ -f "$root/$a" ]]; then cp "$root/$a" "$tmp/$a"; else cp "$root/$b" "$tmp/$a"; fi
  done
  cp "$catalog" "$tmp/catalog.xml"
  echo "$root" > "$tmp/SOURCE"
  rm -rf "$dest"
  mv "$tmp" "$dest"
  echo "scap-schemas: copied ${#needed[@]} official schema files from $root to $dest"
}

# xjc's own catalog and stub (see schemas/xjc/catalog.xml) sit beside the copy, outside the jar.
xjc_src="$(dirname "$catalog")/xjc"
mkdir -p "$build_dir/xjc-catalog"
for f in "$xjc_src"/*; do
  cmp -s "$f" "$build_dir/xjc-catalog/$(basename "$f")" || cp "$f" "$build_dir/xjc-catalog/"
done

# Fast path: a complete copy exists; only our catalog may have changed.
# (With an explicit source, only when the copy came from there.)
if has_all "$dest" && [[ -f "$dest/SOURCE" ]] && [[ -z "$override" || "$(cat "$dest/SOURCE")" == "$override" ]]; then
  cmp -s "$catalog" "$dest/catalog.xml" || cp "$catalog" "$dest/catalog.xml"
  exit 0
fi

tried=()
for root in "$override" /usr/share/openscap/schemas /usr/local/share/openscap/schemas; do
  [[ -n "$root" ]] || continue
  tried+=("$root")
  if has_all "$root"; then copy_from "$root"; exit 0; fi
  if [[ "$root" == "$override" ]]; then
    echo "scap-schemas: ERROR: $root (from -Dscap.schemas or STIGSMITH_SCAP_SCHEMAS) lacks some SCAP schemas" >&2
    exit 1
  fi
done

# Debian/Ubuntu without the package installed: fetch and unpack it, no root needed.
deb_root="$build_dir/openscap-common"
if [[ -d "$deb_root/usr/share/openscap/schemas" ]] || \
   { command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null && (
       mkdir -p "$build_dir/apt-download" && cd "$build_dir/apt-download" &&
       apt-get download openscap-common >/dev/null 2>&1 &&
       dpkg-deb -x openscap-common_*.deb "$deb_root"); }; then
  tried+=("apt-get download openscap-common")
  root="$deb_root/usr/share/openscap/schemas"
  if has_all "$root"; then copy_from "$root"; exit 0; fi
fi

cat >&2 <<MSG
scap-schemas: ERROR: the official SCAP schemas were not found (tried: ${tried[*]:-nothing}).
  Install OpenSCAP's schemas (Debian/Ubuntu: apt-get install openscap-common; RHEL/Fedora: dnf install openscap),
  or point the build at a folder holding them: mvn -Dscap.schemas=DIR ... or STIGSMITH_SCAP_SCHEMAS=DIR.
MSG
exit 1
