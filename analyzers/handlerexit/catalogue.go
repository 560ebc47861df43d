package handlerexit

import "strings"

// exits lists, by types.Func full name, the functions that end the
// process. Each logging library calls os.Exit(1) after writing the
// entry, unless the program replaced the exit (zap.WithFatalHook,
// zerolog.FatalExitFunc, logrus Logger.ExitFunc). zerolog's Fatal
// returns an event and exits when it is sent, or at once when the
// logger's level disables it.
var exits = map[string]bool{
	"os.Exit":      true,
	"syscall.Exit": true,

	"log.Fatal":             true,
	"log.Fatalf":            true,
	"log.Fatalln":           true,
	"(*log.Logger).Fatal":   true,
	"(*log.Logger).Fatalf":  true,
	"(*log.Logger).Fatalln": true,

	"(*go.uber.org/zap.Logger).Fatal":          true,
	"(*go.uber.org/zap.SugaredLogger).Fatal":   true,
	"(*go.uber.org/zap.SugaredLogger).Fatalf":  true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw":  true,
	"(*go.uber.org/zap.SugaredLogger).Fatalln": true,

	"(*github.com/rs/zerolog.Logger).Fatal": true,
	"github.com/rs/zerolog/log.Fatal":       true,

	"github.com/sirupsen/logrus.Fatal":             true,
	"github.com/sirupsen/logrus.Fatalf":            true,
	"github.com/sirupsen/logrus.Fatalln":           true,
	"github.com/sirupsen/logrus.FatalFn":           true,
	"github.com/sirupsen/logrus.Exit":              true,
	"(*github.com/sirupsen/logrus.Logger).Fatal":   true,
	"(*github.com/sirupsen/logrus.Logger).Fatalf":  true,
	"(*github.com/sirupsen/logrus.Logger).Fatalln": true,
	"(*github.com/sirupsen/logrus.Logger).FatalFn": true,
	"(*github.com/sirupsen/logrus.Logger).Exit":    true,
	"(*github.com/sirupsen/logrus.Entry).Fatal":    true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf":   true,
	"(*github.com/sirupsen/logrus.Entry).Fatalln":  true,

	// The interface that declares the Fatal methods of logrus.FieldLogger.
	// Its implementations, logrus' Logger and Entry and the standard
	// *log.Logger, all exit.
	"(github.com/sirupsen/logrus.StdLogger).Fatal":   true,
	"(github.com/sirupsen/logrus.StdLogger).Fatalf":  true,
	"(github.com/sirupsen/logrus.StdLogger).Fatalln": true,
}

// loggerModules are the modules of the logging libraries above. Only
// the catalogue describes them. Their packages are not summarised,
// because zapcore, for one, resolves the write hook of every entry to
// an implementation that may exit, which would make every log call
// look fatal.
var loggerModules = []string{
	"go.uber.org/zap",
	"github.com/rs/zerolog",
	"github.com/sirupsen/logrus",
}

// isLoggerPkg reports whether the import path belongs to one of
// loggerModules.
func isLoggerPkg(path string) bool {
	for _, mod := range loggerModules {
		if path == mod || strings.HasPrefix(path, mod+"/") {
			return true
		}
	}
	return false
}
