"""``newslint audit``: lint a whole archive of articles on Dask and report trends.

It sits beside the command line, on the linter, reporters and the layers below, and is
imported only when ``newslint audit`` runs, so a plain lint never loads Dask."""
