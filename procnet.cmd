@echo off
rem Runs Procnet from this checkout: procnet [command] [options]; procnet --help lists them.
rem Builds procnet-cli\target\procnet.jar first when it is missing or older than a source file.
rem PROCNET_JAVA names the java to run (default: java on the PATH), PROCNET_JAVA_OPTS adds JVM options.
setlocal
set "PROCNET_HOME=%~dp0"
if "%PROCNET_HOME:~-1%"=="\" set "PROCNET_HOME=%PROCNET_HOME:~0,-1%"
set "PROCNET_JAR=%PROCNET_HOME%\procnet-cli\target\procnet.jar"
if not defined PROCNET_JAVA set "PROCNET_JAVA=java"

if not exist "%PROCNET_JAR%" goto build
rem Only PowerShell's 3 (a newer source) rebuilds: where PowerShell is missing or fails, or is a
rem stub that answers 0 to everything (Wine's where and powershell), the jar is taken as it is.
where powershell >nul 2>nul || goto run
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$jar = (Get-Item -LiteralPath $env:PROCNET_JAR).LastWriteTimeUtc;" ^
  "$newer = Get-ChildItem -LiteralPath $env:PROCNET_HOME -Recurse -File -ErrorAction SilentlyContinue |" ^
  "  Where-Object { $_.FullName -notmatch '\\(target|node_modules|\.[^\\]+)\\' -and $_.LastWriteTimeUtc -gt $jar -and" ^
  "    ($_.FullName -match '\\src\\main\\' -or $_.Name -eq 'pom.xml' -or $_.DirectoryName -eq (Join-Path $env:PROCNET_HOME 'icons')) } |" ^
  "  Select-Object -First 1;" ^
  "if ($newer) { exit 3 } else { exit 0 }"
if "%ERRORLEVEL%"=="3" goto build
goto run

:build
>&2 echo procnet: building %PROCNET_JAR% (mvn package, tests skipped; the first build downloads the dependencies) ...
pushd "%PROCNET_HOME%"
call mvn -q -B -Dmaven.test.skip=true -pl procnet-cli -am package 1>&2
set "PROCNET_BUILD=%ERRORLEVEL%"
popd
rem No ( ) block here: a ) in the checkout's path, as in "Program Files (x86)", would end it early.
if "%PROCNET_BUILD%"=="0" goto run
>&2 echo procnet: the build failed; 'mvn -B -pl procnet-cli -am package' in %PROCNET_HOME% shows why
exit /b 1

:run
"%PROCNET_JAVA%" -Xms16m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=64m "-Dprocnet.home=%PROCNET_HOME%" %PROCNET_JAVA_OPTS% -jar "%PROCNET_JAR%" %*
exit /b %ERRORLEVEL%
