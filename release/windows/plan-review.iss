; Inno Setup script: a Windows installer for the one-folder bundle built by build.spec.
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 release\windows\plan-review.iss
; writes dist\plan-review-0.1.0-setup.exe. Installs for the current user (no administrator rights),
; with a Start menu entry and an optional desktop icon that start the window ("Plan Review.exe"); the
; command line is plan-review.exe in the same folder.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1F3B52-8E0A-4D7B-9B35-2F7C1A3D9E40}
AppName=Plan Review
AppVersion={#AppVersion}
AppPublisher=Plan Review
DefaultDirName={autopf}\Plan Review
DefaultGroupName=Plan Review
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=plan-review-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\plan-review.ico
UninstallDisplayIcon={app}\Plan Review.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\plan-review\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Plan Review"; Filename: "{app}\Plan Review.exe"
Name: "{group}\{cm:UninstallProgram,Plan Review}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Plan Review"; Filename: "{app}\Plan Review.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Plan Review.exe"; Description: "{cm:LaunchProgram,Plan Review}"; Flags: nowait postinstall skipifsilent
