package main

import (
	"archive/zip"
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// checkWindowsZip checks what a delegate unzips: the exe with its icon,
// version and manifest, the README and the font's licence, and nothing
// else (no stand-in DLL: that one is for Wine only).
func checkWindowsZip(t *testing.T, path string) {
	version, build := fyneAppVersion(t)
	if want := "BriefDesk-" + version + "-windows-amd64.zip"; filepath.Base(path) != want {
		t.Errorf("the zip is named %s, want %s (FyneApp.toml's version)", filepath.Base(path), want)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	files := map[string][]byte{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s in %s: %v", f.Name, path, err)
		}
	}
	for _, want := range []string{"BriefDesk.exe", "briefdesk-cli.exe", "README.txt", "OFL.txt"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s has no %s (it has %v)", path, want, names)
		}
	}
	for _, n := range names {
		if strings.Contains(n, "/") || strings.EqualFold(n, "bcryptprimitives.dll") {
			t.Errorf("%s holds %q: want only the program and its texts at the top", path, n)
		}
	}
	ofl, err := os.ReadFile("assets/fonts/OFL.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := files["OFL.txt"]; !bytes.Equal(got, bytes.ReplaceAll(ofl, []byte("\n"), []byte("\r\n"))) {
		t.Errorf("OFL.txt in the zip is not assets/fonts/OFL.txt with CRLF line ends")
	}
	if readme := string(files["README.txt"]); !strings.Contains(readme, "Run anyway") || strings.Count(readme, "\n") != strings.Count(readme, "\r\n") {
		t.Errorf("README.txt does not explain the SmartScreen prompt or has bare LF line ends")
	}
	checkExe(t, files["BriefDesk.exe"], version+"."+build)
	// The console twin: cmd.exe and PowerShell wait for it.
	if f, err := pe.NewFile(bytes.NewReader(files["briefdesk-cli.exe"])); err != nil {
		t.Errorf("briefdesk-cli.exe is not a PE file: %v", err)
	} else if oh, ok := f.OptionalHeader.(*pe.OptionalHeader64); !ok || oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("briefdesk-cli.exe is not a 64-bit console-subsystem program")
	}
}

// checkExe checks the PE header and resources of BriefDesk.exe.
func checkExe(t *testing.T, exe []byte, version string) {
	f, err := pe.NewFile(bytes.NewReader(exe))
	if err != nil {
		t.Fatalf("BriefDesk.exe is not a PE file: %v", err)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Fatalf("BriefDesk.exe is not a 64-bit x86 program")
	}
	// GUI subsystem: started from Explorer, no console window flashes up.
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want %d (GUI, built with -H windowsgui)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	if f.TimeDateStamp != 0 {
		t.Errorf("PE time stamp %d: want 0, for the same exe from the same source", f.TimeDateStamp)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		t.Fatal("BriefDesk.exe has no resources (.rsrc): no icon, version or manifest")
	}
	data, err := rsrc.Data()
	if err != nil {
		t.Fatal(err)
	}
	types, err := resourceTypes(data)
	if err != nil {
		t.Fatalf("resources: %v", err)
	}
	const rtIcon, rtGroupIcon, rtVersion, rtManifest = 3, 14, 16, 24
	for _, want := range []uint32{rtIcon, rtGroupIcon, rtVersion, rtManifest} {
		if !slices.Contains(types, want) {
			t.Errorf("no resource of type %d (3 icon, 14 icon group, 16 version, 24 manifest); has %v", want, types)
		}
	}

	// The manifest is plain UTF-8 XML inside the section.
	m := regexp.MustCompile(`(?s)<assembly .*?</assembly>`).Find(data)
	if m == nil {
		t.Fatal("no manifest XML in the resources")
	}
	for _, want := range []string{
		`<requestedExecutionLevel level="asInvoker"`,               // no administrator rights
		`<supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"`, // Windows 10 and 11
		`<dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">permonitorv2,system</dpiAwareness>`,
	} {
		if !bytes.Contains(m, []byte(want)) {
			t.Errorf("manifest lacks %s:\n%s", want, m)
		}
	}

	// Version information (UTF-16 strings) carries FyneApp.toml's version.
	for _, want := range []string{"ProductName", "BriefDesk", "FileVersion", version} {
		if !bytes.Contains(data, utf16le(want)) {
			t.Errorf("version information lacks %q", want)
		}
	}
}

// resourceTypes lists the type IDs at the root of a resource directory
// (IMAGE_RESOURCE_DIRECTORY: 12 bytes, the named and the ID entry counts,
// then 8-byte entries).
func resourceTypes(rsrc []byte) ([]uint32, error) {
	if len(rsrc) < 16 {
		return nil, fmt.Errorf("section of %d bytes", len(rsrc))
	}
	named := int(binary.LittleEndian.Uint16(rsrc[12:]))
	ids := int(binary.LittleEndian.Uint16(rsrc[14:]))
	var types []uint32
	for i := range named + ids {
		off := 16 + 8*i
		if off+8 > len(rsrc) {
			return nil, fmt.Errorf("directory entry %d past the section's end", i)
		}
		if i >= named {
			types = append(types, binary.LittleEndian.Uint32(rsrc[off:]))
		}
	}
	return types, nil
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// fyneAppVersion reads Version and Build from FyneApp.toml, which names
// the zip and the exe's version.
func fyneAppVersion(t *testing.T) (version, build string) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	v := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	n := regexp.MustCompile(`(?m)^Build\s*=\s*(\d+)`).FindSubmatch(b)
	if v == nil || n == nil {
		t.Fatal("FyneApp.toml has no Version or Build")
	}
	return string(v[1]), string(n[1])
}
