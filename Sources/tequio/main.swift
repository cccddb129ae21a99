import TequioCommandLine

await Tequio.main()
