from newslint.cli.main import entry

entry()
