"""`python -m thanghanhdong` runs the `thd` command."""

from thanghanhdong.cli import main

main()
