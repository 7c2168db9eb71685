from policytui.cli.main import main

raise SystemExit(main())
