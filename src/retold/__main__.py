from retold.cli import main

raise SystemExit(main())
