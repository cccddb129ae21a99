import TequioCommandLine

Tequio.runAndExit()
