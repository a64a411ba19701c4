; FrontDesk — Inno Setup 6 script: per-machine install of the PyInstaller bundle for counter PCs.
;
; Build on Windows (Inno Setup 6.4 or later), after `python installer\build.py` has made installer\dist\FrontDesk:
;   ISCC installer\frontdesk.iss                      version from installer\dist\version.iss (written by build.py)
;   ISCC /DAppVersion=0.1.0 installer\frontdesk.iss   or given on the command line
; build.py runs ISCC itself when it finds it. Output: installer\dist\FrontDesk-<version>-setup.exe
;
; The app keeps its data in the user's data folder (%LOCALAPPDATA%\FrontDesk), never in {app}: upgrading or
; reinstalling keeps every record, and the uninstaller keeps that folder unless the user ticks the box.

#define AppName "FrontDesk"
#define AppExe "FrontDesk.exe"
#define BundleDir AddBackslash(SourcePath) + "dist\FrontDesk"

#ifndef AppVersion
  #if FileExists(AddBackslash(SourcePath) + "dist\version.iss")
    #include "dist\version.iss"
  #else
    #error No version: run installer\build.py first, or pass /DAppVersion=x.y.z to ISCC
  #endif
#endif

#if !FileExists(BundleDir + "\" + AppExe)
  #error installer\dist\FrontDesk\FrontDesk.exe is missing: run installer\build.py on Windows first
#endif

; Simplified Chinese: ChineseSimplified.isl ships with recent Inno Setup releases (older ones only have it as
; an unofficial translation). Use the compiler's copy, else one dropped next to this script, else English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found: building an English-only installer"
#endif

[Setup]
; AppId identifies FrontDesk across versions: never change it, or upgrades install side by side.
AppId={{580AAD1F-1A41-411B-9E72-A88EE88B2C7E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=FrontDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\frontdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
#ifdef ChineseIsl
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DataFormCaption=Uninstall FrontDesk
english.DataFormText=FrontDesk keeps its database, backups, logs and attachments in the data folder:%n%n%1%n%nThe folder is kept, so a later reinstall or upgrade finds every record.
english.DataFormDelete=&Also delete the data folder and all backups (cannot be undone)
#ifdef ChineseIsl
chinesesimplified.DataFormCaption=卸载 FrontDesk
chinesesimplified.DataFormText=FrontDesk 的数据库、备份、日志和附件保存在数据文件夹中：%n%n%1%n%n默认保留该文件夹，以后重新安装或升级时所有记录都还在。
chinesesimplified.DataFormDelete=同时删除数据文件夹和全部备份（不可恢复）(&D)
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the whole bundle: no stale library from the previous version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; as the signed-in user, not the elevated installer: the data folder belongs to that user
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
var
  DeleteUserData: Boolean;

{ The folder FrontDesk uses when started without --data-dir: platformdirs' user_data_dir("FrontDesk"). }
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

{ Ask once, before files are removed; the box is unticked, so the data stays unless the user says so. }
function AskDeleteUserData(): Boolean;
var
  Form: TSetupForm;
  Prompt: TNewStaticText;
  Check: TNewCheckBox;
  OkButton: TNewButton;
begin
  Result := False;
#if Ver >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(460, 190, False, True);  { 6.6+: sizes are scaled by the function }
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(190);
#endif
  try
    Form.Caption := CustomMessage('DataFormCaption');
    Form.Position := poScreenCenter;

    Prompt := TNewStaticText.Create(Form);
    Prompt.Parent := Form;
    Prompt.Left := ScaleX(12);
    Prompt.Top := ScaleY(12);
    Prompt.Width := Form.ClientWidth - ScaleX(24);
    Prompt.AutoSize := False;
    Prompt.WordWrap := True;
    Prompt.Height := ScaleY(96);
    Prompt.Caption := FmtMessage(CustomMessage('DataFormText'), [UserDataDir()]);

    Check := TNewCheckBox.Create(Form);
    Check.Parent := Form;
    Check.Left := ScaleX(12);
    Check.Top := Prompt.Top + Prompt.Height + ScaleY(8);
    Check.Width := Form.ClientWidth - ScaleX(24);
    Check.Height := ScaleY(20);
    Check.Caption := CustomMessage('DataFormDelete');
    Check.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(88);
    OkButton.Height := ScaleY(26);
    OkButton.Left := Form.ClientWidth - OkButton.Width - ScaleX(12);
    OkButton.Top := Form.ClientHeight - OkButton.Height - ScaleY(12);
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;
    OkButton.Cancel := True;

    Form.ActiveControl := OkButton;
    if Form.ShowModal() = mrOk then
      Result := Check.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  case CurUninstallStep of
    usUninstall:
      begin
        DeleteUserData := False;
        { silent uninstalls (upgrade scripts, IT tools) never delete data }
        if (not UninstallSilent()) and DirExists(UserDataDir()) then
          DeleteUserData := AskDeleteUserData();
      end;
    usPostUninstall:
      begin
        if DeleteUserData then
          DelTree(UserDataDir(), True, True, True);
      end;
  end;
end;
