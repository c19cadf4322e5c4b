from naober.cli import main

raise SystemExit(main())
